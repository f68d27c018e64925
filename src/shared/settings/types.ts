/** The department-wide app settings as the settings page edits them. */

export interface AppSettings {
  /** Lock the app after this many minutes without activity (1–240). */
  lockAfterMinutes: number
  /** Take an automatic backup once a day. */
  autoBackupEnabled: boolean
  /** How many automatic backups to keep (1–365). */
  autoBackupKeep: number
  /** Wrong passwords in a row (login or unlock) before the account is locked (3–10). */
  maxFailedLogins: number
  /** How long an account stays locked after too many wrong passwords, in minutes (1–1440). */
  lockoutMinutes: number
}
