package model

// The sentences that tell errors, one id each. The catalogues of i18n fill every one in every
// language (a test enumerates this file's constants), so a new error cannot reach a person as
// a code, in English in the French console, or as "something went wrong".
const (
	// Generic sentences: the kind and nothing more. A specific error wrapped beside one wins.
	MsgInvalid  MsgID = "invalid"   // the input breaks a rule
	MsgNotFound MsgID = "not_found" // nothing answers to the reference
	MsgConflict MsgID = "conflict"  // it conflicts with existing data

	// The store.
	MsgLocked         MsgID = "store.locked"           // another Rollcall holds the database
	MsgNewerSchema    MsgID = "store.newer_schema"     // written by a newer Rollcall
	MsgCorrupt        MsgID = "store.corrupt"          // a record cannot be decoded
	MsgBackupByEngine MsgID = "store.backup_by_engine" // a server's database: its own tools back it up
)
