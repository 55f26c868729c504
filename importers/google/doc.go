// Package google reads the Google Workspace bulk upload of users (Admin console > Directory >
// Users > Bulk update users), as Google's own template and Rollcall's google export write it:
// names, email, Employee ID (the login), Employee Type (the profile) and Department (the
// classes). The password columns are never read.
package google
