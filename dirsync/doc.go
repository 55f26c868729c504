// Package dirsync reads who belongs where in a school's cloud directory, for seat syncs: the
// users of a Google Workspace organizational unit or the members of a Google group (Admin SDK
// Directory API), and the members of a Microsoft 365 group (Microsoft Graph). Both are small
// net/http clients of the documented REST endpoints, with pagination, throttling retries and
// configurable base URLs, so tests run them against local servers (package dirsynctest).
// Credentials come from files or environment variables and never appear in errors or logs.
package dirsync
