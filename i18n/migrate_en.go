package i18n

func migrateEN() MigrateTexts {
	return MigrateTexts{
		Copied:       "Copied %s (%s) from %s to %s, then read the copy back: every count and checksum matches the source's.",
		DryRun:       "Would copy %s from %s to %s (dry run: nothing written).",
		AlreadyThere: "%s already holds exactly these %s: nothing to copy.",
		Records:      Noun{One: "record", Many: "records"},
		Kinds:        Noun{One: "kind", Many: "kinds"},
		Mismatch:     "The copy does not match its source: %s. Do not use it: copy again into an empty database.",
		NotEmpty:     "The target database is not empty and holds something other than the source: %s. Nothing was written: copy into an empty database.",
		Diff:         "%s (%s in the source, %s in the target)",
		SameCount:    "%s (as many, with different content)",
		PasswordInURL: "%s carries a password, which the process list shows: put it in ~/.pgpass or $PGPASSWORD, " +
			"or the whole URL in $ROLLCALL_DB and leave that flag out",
		SameDatabase: "--from and --to name the same database",
		NoTarget:     "say where to copy from and to: --from and --to (the one left out is --db or $ROLLCALL_DB)",
		KindNames: map[string]string{
			"admins": "admins", "organizations": "schools", "classes": "classes", "groups": "groups", "users": "users",
			"subscriptions": "subscriptions", "seats": "seats", "claims": "claims", "vendor_keys": "vendor keys",
			"invitations": "invitations", "codes": "one-time codes", "sessions": "sessions",
			"local_tokens": "remembered sign-ins", "person_sessions": "sessions on the account pages", "imports": "imports", "import_undo": "undo data of imports",
			"provenance": "provenance of fields", "campaigns": "email campaigns",
			"campaign_recipients": "campaign recipients", "ssh_keys": "SSH keys", "saved_filters": "saved filters",
			"audit": "audit log entries", "settings": "settings", "sequences": "id sequences",
		},
	}
}
