// Package i18n holds Rollcall's French and English messages as one typed catalogue per language,
// shared by the TUI, the CLI and the mail merge, plus number, date and error formatting. A test
// fails when a language lacks a message.
package i18n

import (
	"fmt"
	"strconv"
	"strings"

	"rollcall/model"
)

// Catalog is every message of the UI in one language. Fields are grouped by screen or concern.
type Catalog struct {
	Lang     model.Language
	LangName string // the language's own name, as a picker shows it

	App    AppTexts
	Fields FieldTexts
	Rules  RuleTexts
	Errors ErrorTexts
	// Kinds say an error by its kind when nothing more specific does.
	Kinds  KindTexts
	Auth   AuthTexts
	Home   HomeTexts
	Keys   KeyTexts
	CLI    CLITexts
	Demo   DemoTexts
	Nouns  NounTexts
	Users  UsersTexts
	Import ImportTexts

	ImportScreen ImportScreenTexts
	// Importers is what reading files reports beside row errors: warnings, skipped files.
	Importers ImportersTexts
	// ImportSync is an import's modes and class policy, its runs' status and the empty templates.
	ImportSync ImportSyncTexts

	// Directory is the console's Users and Classes & groups screens.
	Directory DirectoryTexts
	// Exports is what the exports to the platforms schools feed say beside the Users screen's words.
	Exports ExportTexts
	// Licensing is subscriptions and seats: claims, the lists, syncs and their refusals.
	Licensing LicensingTexts
	// Platforms is the exports to the platforms schools feed (Google, the ENT, textbooks).
	Platforms PlatformTexts
	// People is seats on directory accounts, parents and children, the school year's turn,
	// duplicates and suspended accounts.
	People PeopleTexts
	// Accounts is suspended accounts, bulk actions, duplicates and merging accounts.
	Accounts AccountsTexts
	// Admins is several admins and Rollcall over SSH.
	Admins AdminsTexts
	// MailMerge is login cards, email campaigns, activation and reset, mail settings.
	MailMerge MailMergeTexts
	// Year is the school year's turn: its plan, history, undo and grace period.
	Year YearTexts
	// Schools is what French school files bring: UAIs, functions, subjects, feed warnings.
	Schools SchoolsTexts
	// CLIUsage is the CLI's own refusals of how a command was called.
	CLIUsage CLIUsageTexts
	// Web is the pages people open from their login cards.
	Web WebTexts
	// Migrate is copying a database into another (rollcall migrate).
	Migrate MigrateTexts
	// Help is the CLI's --help and its refusals of flags and arguments.
	Help HelpTexts

	thousands string
	colon     string // between a label and its value: ": ", or " : " in French
	quote     string // around a value quoted in a sentence: "%s", or « %s »
	// auditActions name the audit log's actions; an action missing keeps its code.
	auditActions map[model.AuditAction]string
	// dateLetters spells a date pattern's letters in the language (nil: as written, YYYY-MM-DD).
	dateLetters *strings.Replacer
	profiles    [6]string
	plurals     func(n int) bool // true when n takes the plural form
	// console is set in the console's catalogue (ForConsole): messages name its keys and fields.
	console bool
}

// AppTexts are the shell's own words.
type AppTexts struct {
	Title, Tagline, NotSignedIn, SignedInAs, Working, Cancelled, PressAnyKey string
	// Yes and No label the buttons of yes/no questions.
	Yes, No string
}

// FieldTexts name the fields of forms, also used to say which field an error is about.
type FieldTexts struct {
	FullName, Email, EmailConfirm, Language, Country, Password, PasswordConfirm, Code string
	LastName, FirstName, Profile, Class, Group, User, BirthDate, ClassCode, Terms     string
	Filter                                                                            string
}

// RuleTexts say what a value should have been.
type RuleTexts struct {
	Required, Email, EmailMismatch, PasswordLength, PasswordLetter, PasswordDigit, PasswordUpper,
	PasswordLower, PasswordSymbol, Language, Country, Date, UnknownValue, TooLong, TermsRequired,
	Login, PasswordMismatch string
	FutureDate string // a date that is still to come where a past one is expected
}

// ErrorTexts translate the domain's and the store's errors.
type ErrorTexts struct {
	InvalidCredentials, NotVerified, AlreadyVerified, CodeInvalid, CodeExpired, CodeUsed,
	NotSignedIn, EmailTaken, TermsNotAccepted, DemoLoaded, Throttled, NotFound, Conflict, Locked,
	NewerSchema, Corrupt, Internal string
	// BackupByEngine says a database on a server is backed up with the server's tools.
	BackupByEngine                                         string
	AlreadyActivated, NotPending, NoOrganization, NotEmpty string
	NoFile, NoWrite                                        string
	// The reasons a file cannot be read that people meet; others keep the system's words.
	FileMissing, FileDenied, FileIsFolder string
	// NotFoundRef is "Class not found: 6e Z"; Things names each kind of record.
	NotFoundRef string
	Things      ThingTexts
}

// ThingTexts name the records people look up, as a sentence starts.
type ThingTexts struct {
	User, Class, Group, Organization, Subscription, Seat, Campaign, Admin, SSHKey, Filter, VendorKey string
}

// AuthTexts are the welcome, signup, verification, sign-in and terms screens.
type AuthTexts struct {
	WelcomeTitle, WelcomeBody, ActionSignIn, ActionSignUp, ActionDemo, ActionQuit string
	SignUpTitle, SignUpSubmit, SignInTitle, SignInSubmit                          string
	VerifyTitle, VerifyEmailed, VerifyShown, VerifyExpires, VerifySubmit          string
	PasswordHint, TermsTitle, TermsBody, TermsAdult, TermsAccept, TermsDecline    string
	SignedOut, PasswordCreated, Welcome                                           string
	// LanguageHint, CountryHint and TermsDeclineHint describe form fields; CodeResent
	// confirms that a new verification code replaced the old one.
	LanguageHint, CountryHint, TermsDeclineHint, CodeResent string
}

// HomeTexts are the home screen: the areas of Rollcall.
type HomeTexts struct {
	Title, Subscriptions, Users, Classes, Imports, MailMerge, Admins                  string
	SubscriptionsHelp, UsersHelp, ClassesHelp, ImportsHelp, MailMergeHelp, AdminsHelp string
	NotYet, Summary, DemoBanner, NoData                                               string
	// The backup form (b): its key, field, hint, default file name (with the date) and the
	// line shown while it is written.
	KeyBackup, BackupTitle, BackupField, BackupHint, BackupDefault, BackingUp string
}

// KeyTexts are the help line's descriptions of keys.
type KeyTexts struct {
	Quit, Help, Back, Select, Up, Down, Language, SignOut, Demo, Next, Submit string
	Prev, Toggle, Complete, SignIn, SignUp, Resend                            string
}

// CLITexts are the CLI's messages to a person (on stderr).
type CLITexts struct {
	CodeShown, CodeEmailed, NextStep, SignedIn, SignedOut, BackupWritten, DryRun, NotATerminal,
	PasswordPrompt, PasswordStdinEmpty, DemoLoaded, Verified string
	// DemoDry says what the demo would load (as DemoLoaded); NeedYes refuses to ask a question
	// (%s) when stdin is not a terminal.
	DemoDry, NeedYes string
	// MaxDeletionsHint names the flag that raises an import's deletion limit.
	MaxDeletionsHint string
	// NoTerminal refuses to start the console when there is no terminal to draw it on.
	NoTerminal string
	// CodePrompt asks for a single-use code (%s: which); CodeStdinEmpty says stdin had none;
	// CodeInArgv refuses one given on the command line (%s: the flag or argument).
	CodePrompt, CodeStdinEmpty, CodeInArgv string
	// BackupNotAll refuses a backup over SSH to an admin of some schools only; BackupStdout
	// says how many bytes went to stdout.
	BackupNotAll, BackupStdout string
	// FilterExists refuses to replace a saved filter silently (%q: its name); FilterReplace asks.
	FilterExists, FilterReplace string
	// AcceptTermsHint follows a refusal before the terms step: the command that takes it.
	AcceptTermsHint string
	// AcceptTermsFlags refuses accept-terms without both of its flags.
	AcceptTermsFlags string
	// UnknownCommand refuses a command (%q: the word typed, %q: the command it follows);
	// DidYouMean introduces the nearest ones; UsageHint ends every usage error.
	UnknownCommand, DidYouMean, UsageHint string
}

// Noun is a countable word in its singular and plural forms.
type Noun struct{ One, Many string }

// NounTexts are the things Rollcall counts.
type NounTexts struct {
	User, Organization, Class, Group, Subscription, Row Noun
}

// UsersTexts are the directory's words: the preview columns and the users commands.
type UsersTexts struct {
	Columns                                                      ColumnTexts
	Exported, Created, Updated, Deleted, MarkedPending, Restored string
	FromImport, ByHand                                           string
}

// ColumnTexts head the users preview and the export.
type ColumnTexts struct {
	LastName, FirstName, Profile, Login, Code, Email, Class, Created string
}

// ImportTexts are the words of imports: reports, stages, history, and what a file's error
// expected (one text per importer rule).
type ImportTexts struct {
	Counts                                                                   ImportCountNouns
	ReportDry                                                                string
	StageMatching, StageHashing                                              string
	StageParsing, StageWriting                                               Noun // of the rows read, of the users written
	History, Undone, UndoDone, NothingToUndo, ChangedSince, TooManyDeletions string
	UndoQuestion                                                             string
	// UndoDry says a dry-run undo is possible and what it would revert (run, counts).
	UndoDry                                                           string
	Created, Updated, Unchanged, Protected, PendingDeletion, Restored string
	At, Line, Column, Value, Expected, FirstAt                        string
	// ColumnNamed is a column known by its header or its letter only.
	ColumnNamed                                                                         string
	AndMore                                                                             Noun // "… and %s more errors"
	UnknownFormat, MixedFormats, MissingColumn, MissingFile, EmptyFile, DuplicateID     string
	UnknownClass, UnknownUser, UnknownOrg, UnknownProfile, BadZip, UnsafePath, TooLarge string
	TooManyColumns, UnterminatedQuote, BadXLSX, AmbiguousMatch, DuplicatePerson         string
	UnknownChild, AmbiguousChild, Tried                                                 string
}

// ImportCountNouns are the words of an import's summary, each agreeing with its count:
// "1 créé, 2 mis à jour", "1 created, 2 updated".
type ImportCountNouns struct {
	Created, Updated, Protected, Unchanged, ToDelete Noun
	// ClassesCreated says "%s created" around the list of classes, groups and organizations.
	ClassesCreated, And string
}

// DemoTexts describe the demo school.
type DemoTexts struct {
	Loaded string
}

// For returns the catalogue of a language, English when the language is unknown.
func For(lang model.Language) *Catalog {
	if lang == model.French {
		return french()
	}
	return english()
}

// Resolve picks the language from, in order: an explicit flag, the admin's saved choice, and the
// LANG-style environment value; English when none says.
func Resolve(flag string, saved model.Language, env string) model.Language {
	if l, ok := model.ParseLanguage(flag); ok {
		return l
	}
	if saved.Valid() {
		return saved
	}
	if l, ok := model.ParseLanguage(env); ok {
		return l
	}
	return model.English
}

// Profile names a profile in this language.
func (c *Catalog) Profile(p model.Profile) string {
	if int(p) < len(c.profiles) {
		return c.profiles[p]
	}
	return ""
}

// Int formats an integer with the language's thousands separator: 1,170 or 1 170.
func (c *Catalog) Int(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(c.thousands)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ImportReport is an import's summary line: "24 created, 0 updated, 0 protected, 0 unchanged,
// 0 to be deleted", each word agreeing with its count.
func (c *Catalog) ImportReport(n model.ImportCounts) string {
	w := c.Import.Counts
	return strings.Join([]string{c.Count(n.Created, w.Created), c.Count(n.Updated, w.Updated),
		c.Count(n.Protected, w.Protected), c.Count(n.Unchanged, w.Unchanged), c.Count(n.PendingDeletion, w.ToDelete)}, ", ") +
		c.importSkipped(n.Skipped)
}

// ImportClasses is what an import added besides users: "2 classes, 0 groups and 1 organization created".
func (c *Catalog) ImportClasses(n model.ImportCounts) string {
	list := c.Count(n.ClassesCreated, c.Nouns.Class) + ", " + c.Count(n.GroupsCreated, c.Nouns.Group) +
		" " + c.Import.Counts.And + " " + c.Count(n.OrgsCreated, c.Nouns.Organization)
	return fmt.Sprintf(c.Import.Counts.ClassesCreated, list)
}

// AuditAction names an action of the audit log ("Import undone"), or gives its code when the
// catalogue does not know it.
func (c *Catalog) AuditAction(a model.AuditAction) string {
	if s, ok := c.auditActions[a]; ok {
		return s
	}
	return string(a)
}

// Label joins a label and its value with the language's colon: "Paper: A4", "Papier : A4".
func (c *Catalog) Label(label, value string) string {
	return label + c.colon + value
}

// Count formats "n thing(s)" with the language's plural rule (French: 0 and 1 are singular).
// Phrase formats the phrase of a count ("… and %s more errors") in the form n takes: French
// says "1 autre erreur" where English says "1 more error".
func (c *Catalog) Phrase(n int, phrase Noun) string {
	p := phrase.One
	if c.plurals(n) {
		p = phrase.Many
	}
	return fmt.Sprintf(p, c.Int(n))
}

func (c *Catalog) Count(n int, noun Noun) string {
	if c.plurals(n) {
		return c.Int(n) + " " + noun.Many
	}
	return c.Int(n) + " " + noun.One
}
