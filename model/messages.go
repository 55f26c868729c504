package model

// The sentences that tell errors, one id each. The catalogues of i18n fill every one in every
// language (a test enumerates this file's constants), so a new error cannot reach a person as
// a code, in English in the French console, or as "something went wrong".
const (
	// Generic sentences: the kind and nothing more. A specific error wrapped beside one wins.
	MsgInvalid  MsgID = "invalid"   // the input breaks a rule
	MsgNotFound MsgID = "not_found" // nothing answers to the reference
	MsgConflict MsgID = "conflict"  // it conflicts with existing data

	// How a command was called (KindUsage): (words) what is wrong, in the words the command
	// chose, already in the admin's language where it has them.
	MsgUsage MsgID = "usage"

	// Accounts, sign-in and codes of the domain.
	MsgInvalidCredentials MsgID = "auth.invalid_credentials"
	MsgNotVerified        MsgID = "auth.not_verified"
	MsgAlreadyVerified    MsgID = "auth.already_verified"
	MsgCodeInvalid        MsgID = "auth.code_invalid"
	MsgCodeExpired        MsgID = "auth.code_expired"
	MsgCodeUsed           MsgID = "auth.code_used"
	MsgNotSignedIn        MsgID = "auth.not_signed_in"
	MsgEmailTaken         MsgID = "auth.email_taken"
	MsgTermsNotAccepted   MsgID = "auth.terms_not_accepted"
	MsgThrottled          MsgID = "auth.throttled" // (until time.Time)
	MsgDemoLoaded         MsgID = "demo.loaded"
	MsgAlreadyActivated   MsgID = "users.already_activated"
	MsgNotPending         MsgID = "users.not_pending"
	MsgNoOrganization     MsgID = "orgs.none_chosen"
	MsgNothingToUndo      MsgID = "import.nothing_to_undo"
	MsgChangedSince       MsgID = "import.changed_since"      // (login)
	MsgTooManyDeletions   MsgID = "import.too_many_deletions" // (would, of)
	MsgNotEmpty           MsgID = "sets.not_empty"            // (members)
	MsgValidation         MsgID = "validation"                // (*ValidationError) a field and its rule
	MsgNotFoundRef        MsgID = "not_found.ref"             // (Thing, reference)
	MsgAmbiguous          MsgID = "ambiguous"                 // (Thing, reference, []string where found)

	// Subscriptions, seats, claims and vendor keys.
	MsgClaim             MsgID = "claim.refused"          // (*ClaimCodeError)
	MsgAlreadyClaimed    MsgID = "claim.already_claimed"  // (at time.Time, organization name)
	MsgDemoKey           MsgID = "vendor.demo_key"        // the demo vendor's key cannot be trusted
	MsgBuiltInVendorKey  MsgID = "vendor.built_in_key"    // a shipped key cannot be removed
	MsgVendorKeyFile     MsgID = "vendor.key_file"        // (*VendorKeyError)
	MsgSeatLimit         MsgID = "seats.limit"            // (*SeatLimitError)
	MsgSubscriptionEnded MsgID = "seats.subscription_end" // (ended on Date)
	MsgInvalidEmails     MsgID = "seats.invalid_emails"   // ([]string)
	MsgEmailFile         MsgID = "seats.email_file"       // (*EmailFileError)
	MsgEmailFileTooBig   MsgID = "seats.email_file_big"   // an emails file over MaxEmailFileLines
	MsgSeatSynced        MsgID = "seats.synced"           // (holder, sync)
	MsgOtherSchool       MsgID = "seats.other_school"     // a sync reaching another school
	MsgLink              MsgID = "family.link"            // (LinkProblem, login)
	MsgRenewal           MsgID = "subs.renewal"           // (*RenewalError)

	// Several admins and SSH.
	MsgLastAdmin        MsgID = "admins.last"         // (school)
	MsgInviteOtherEmail MsgID = "admins.invite_other" // an invitation sent to another address
	MsgAlreadyAdmin     MsgID = "admins.already"      // already an admin of the school
	MsgSSHKeyInvalid    MsgID = "ssh.key_invalid"     // not a public key
	MsgSSHKeyWeak       MsgID = "ssh.key_weak"        // DSA, or RSA under 2048 bits
	MsgServerFiles      MsgID = "ssh.server_files"    // a file path in a console over SSH

	// The store.
	MsgLocked         MsgID = "store.locked"           // another Rollcall holds the database
	MsgNewerSchema    MsgID = "store.newer_schema"     // written by a newer Rollcall
	MsgCorrupt        MsgID = "store.corrupt"          // a record cannot be decoded
	MsgBackupByEngine MsgID = "store.backup_by_engine" // a server's database: its own tools back it up

	// The mail merge: cards, email campaigns, account activation and reset.
	MsgNoActivationURL      MsgID = "merge.no_activation_url"    // the activation address is not set
	MsgNoSMTP               MsgID = "merge.no_smtp"              // no SMTP server is set
	MsgSchoolSettingsDiffer MsgID = "merge.schools_differ"       // the schools of a run have different settings
	MsgCampaignRunning      MsgID = "merge.campaign_running"     // the campaign is being sent already
	MsgNoRecipients         MsgID = "merge.no_recipients"        // nobody of the selection has an email
	MsgNotActivated         MsgID = "merge.not_activated"        // a reset for an account never activated
	MsgCampaignPaused       MsgID = "merge.campaign_paused"      // (campaign ID, CampaignPause)
	MsgAccountCodeInvalid   MsgID = "merge.account_code_invalid" // (login)
	MsgAccountCodeExpired   MsgID = "merge.account_code_expired" // (login)
	MsgAccountCodeUsed      MsgID = "merge.account_code_used"    // (login)
	MsgNoCards              MsgID = "merge.no_cards"             // the selection yields no card to print
	MsgNoAddress            MsgID = "merge.no_address"           // (login) a card without an email
	MsgTemplate             MsgID = "merge.template"             // (where, the engine's words)
	MsgTemplateUnknown      MsgID = "merge.template_unknown"     // (file name) not a template Rollcall reads
	MsgTemplateTooLong      MsgID = "merge.template_too_long"    // (where) a template wrote over 64 KiB
	MsgLayout               MsgID = "merge.layout"               // (value) cards per sheet or paper unknown
	MsgAddress              MsgID = "merge.address"              // (address) not an address one can send to
	MsgSend                 MsgID = "merge.send"                 // (what failed, in the server's words)

	// Files read for an import.
	MsgRow         MsgID = "import.row"          // (*RowError) a located problem
	MsgRowsOmitted MsgID = "import.rows_omitted" // (count) the problems not listed

	// Directories (Google Workspace, Microsoft 365) read by seat syncs; the first value is the
	// service's name.
	MsgDirNotConfigured MsgID = "dir.not_configured" // (service) no credentials
	MsgDirUnauthorized  MsgID = "dir.unauthorized"   // (service) credentials refused
	MsgDirNoSuchGroup   MsgID = "dir.no_such_group"  // (service) no such group or unit
	MsgDirBadAnswer     MsgID = "dir.bad_answer"     // (service, detail) an unexpected answer or none

	// Lists: several sentences, one a line. Args[0] is a []Message.
	MsgLines MsgID = "lines"
)
