/** One row per setting the user changed; the value is JSON. */
export interface SettingTable {
  key: string;
  value: string;
}
