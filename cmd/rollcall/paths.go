package main

import (
	"os"
	"path/filepath"
	"runtime"

	pgstore "rollcall/storage/postgres"
)

// defaultDBPath is the database in the user's data directory: $XDG_DATA_HOME/rollcall on Linux
// (~/.local/share/rollcall), ~/Library/Application Support/rollcall on macOS and
// %LocalAppData%\rollcall on Windows. ROLLCALL_DB overrides it.
func defaultDBPath(getenv func(string) string) string {
	if p := getenv("ROLLCALL_DB"); p != "" {
		return p
	}
	return filepath.Join(dataDir(getenv), "rollcall", "rollcall.db")
}

// dbDir is the folder of the database file, where the server keeps its host key; for a
// database on a PostgreSQL server, Rollcall's folder in the user data directory.
func dbDir(db string, getenv func(string) string) string {
	if pgstore.IsURL(db) {
		return filepath.Join(dataDir(getenv), "rollcall")
	}
	return filepath.Dir(db)
}

// dbDisplay is the database as shown to people: a URL loses its password.
func dbDisplay(db string) string {
	if pgstore.IsURL(db) {
		return pgstore.Redact(db)
	}
	return db
}

func dataDir(getenv func(string) string) string {
	switch runtime.GOOS {
	case "windows":
		if d := getenv("LocalAppData"); d != "" {
			return d
		}
	case "darwin":
		if d, err := os.UserConfigDir(); err == nil {
			return d
		}
	default:
		if d := getenv("XDG_DATA_HOME"); d != "" {
			return d
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share")
	}
	return "."
}
