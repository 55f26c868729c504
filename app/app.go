package app

import (
	"context"
	"crypto/rand"
	"io"
	"sync"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// Notifier delivers account emails (verification codes). Nil means "no SMTP configured": the
// caller shows the code to the admin instead.
type Notifier interface {
	SendVerification(ctx context.Context, to string, lang model.Language, code string) error
}

// Options are the dependencies of an App that tests replace.
type Options struct {
	Clock    func() time.Time // default time.Now
	Random   io.Reader        // default crypto/rand.Reader; must be cryptographic in production
	Argon2   Argon2Params     // default DefaultArgon2
	Throttle model.SignInThrottle
	Notifier Notifier
	// MailTexts, when set and Notifier is nil, make the notifier a MailNotifier: admins' codes
	// and invitations go through their schools' SMTP servers.
	MailTexts *NotifierTexts
	// CodeTTL is how long a verification code stays valid (default 48 hours).
	CodeTTL time.Duration
	// Licensing configures subscriptions and seats (display catalogue, mailer, directories).
	Licensing LicensingOptions
	// MemoryLimit sets the process's soft memory limit and returns the previous one
	// (debug.SetMemoryLimit): imports hold the process to their budget through it (memory.go).
	// nil leaves the limit alone.
	MemoryLimit func(int64) int64
}

// App is the application layer: one per process, shared by every TUI session and CLI command.
type App struct {
	store    storage.Store
	now      func() time.Time
	random   io.Reader
	argon    Argon2Params
	throttle model.SignInThrottle
	notifier Notifier
	codeTTL  time.Duration

	decoyOnce sync.Once
	decoy     string
	guard     *signInGuard
	// localHandles maps the handles LocalSession draws to the session hashes they stand for.
	localHandles sync.Map
	// attempts and people serve the pages people open from their cards: failed tries by
	// login and address, and their signed-in sessions.
	attempts *attemptLimiter
	people   *personSessions

	dir     *dirIndex
	lic     *licensing
	merge   mergeState          // campaigns being sent, activations in progress
	schools schoolSettingsState // the move of the former single settings to each school
	memory  memoryBudget        // the imports running and the memory limit they hold the process to
	// releaseAt is the number of users from which an import lets the store drop them as it
	// writes (releaseAfterWrite; a test lowers it).
	releaseAt int
}

// New builds the application layer over a store.
func New(store storage.Store, opts Options) *App {
	a := &App{store: store, now: opts.Clock, random: opts.Random, argon: opts.Argon2,
		throttle: opts.Throttle, notifier: opts.Notifier, codeTTL: opts.CodeTTL, dir: newDirIndex(time.Local),
		lic: &licensing{opts: opts.Licensing}, guard: newSignInGuard(),
		attempts: newAttemptLimiter(), people: newPersonSessions(), memory: memoryBudget{set: opts.MemoryLimit},
		releaseAt: releaseAfterWrite}
	if a.notifier == nil && opts.MailTexts != nil {
		a.notifier = &MailNotifier{app: a, texts: *opts.MailTexts}
	}
	if a.now == nil {
		a.now = time.Now
	}
	if a.random == nil {
		a.random = rand.Reader
	}
	if a.argon.Memory == 0 {
		a.argon = DefaultArgon2
	}
	if a.throttle.Base == 0 {
		a.throttle = model.DefaultSignInThrottle
	}
	if a.codeTTL == 0 {
		a.codeTTL = 48 * time.Hour
	}
	return a
}

// Now is the app's clock, for callers that format relative dates.
func (a *App) Now() time.Time { return a.now() }

// Backup writes a consistent copy of the database while it stays in use.
func (a *App) Backup(ctx context.Context, w io.Writer) (int64, error) {
	return a.store.Backup(ctx, w)
}

// SchemaVersion is the open database's layout version.
func (a *App) SchemaVersion() int { return a.store.SchemaVersion() }
