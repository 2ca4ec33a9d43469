/** The view's stylesheet, imported for its side effect: Vite bundles it beside app.css. */
declare module '*/insights.css';
