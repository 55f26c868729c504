// Package screen is the contract between the TUI's root router and its screens: the Screen
// interface, the typed navigation and session messages, the per-session Session every screen
// reads, and the small helpers that keep Huh forms consistent. Screens import this package and
// never each other; the root builds screens from routes.
package screen
