// Package app holds the operations an admin can perform: sign up, sign in, load the demo school,
// back up, and (as they arrive) import, filter, claim and mail-merge. The TUI and the CLI both call
// it, so neither holds a business rule. It returns typed errors and data, never prose.
package app
