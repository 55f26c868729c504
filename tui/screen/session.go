package screen

import (
	"context"
	"path/filepath"
	"strings"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
	"rollcall/tui/keys"
	"rollcall/tui/styles"
)

// RequestID tags an async request so its result can be matched to it: a result whose id is not
// the one a screen is waiting for is stale and dropped. Ids are unique within a session, so a
// result cannot be mistaken for one of a newer screen of the same kind.
type RequestID uint64

// Session is everything one console session shares: one local terminal, or later one SSH
// connection. The root creates it and is the only one to replace its fields, except through
// the methods below; screens read it. It is touched only from Update (the program's goroutine):
// commands must copy what they need before they return, never read the Session when they run.
type Session struct {
	// Ctx ends with the session (the program's context); commands pass it to app calls so a
	// closed SSH connection cancels them.
	Ctx context.Context
	// App is the application layer, shared by every session of the process.
	App *app.App

	Cat    *i18n.Catalog
	Styles *styles.Styles
	Keys   *keys.KeyMap

	// Acting is the signed-in admin's app session, nil when nobody is signed in: every
	// operation on a school's data goes through it, and it re-reads the admin each time. Admin is
	// the admin as last read, for display only (name, language, the header's schools).
	Acting *app.Session
	Admin  model.Admin

	// OSUser is the local operating-system user; Remember says whether a sign-in is kept for
	// them in the database so the next run starts signed in.
	OSUser   string
	Remember bool
	// Origin labels sessions this console opens ("local:alice"), for the sessions list.
	Origin string
	// Remote is set for a console served over SSH: a path typed there names a file of the
	// server, so screens check LocalFiles before reading or writing one.
	Remote bool
	// Inbox is, over SSH, the admin's folder of files sent by SFTP or scp: the one place a
	// remote console may read from (ReadableFiles).
	Inbox string

	lastRequest RequestID
}

// NewSession builds a session speaking lang on a dark or light terminal.
func NewSession(ctx context.Context, a *app.App, lang model.Language, dark bool) *Session {
	if ctx == nil {
		ctx = context.Background()
	}
	cat := i18n.ForConsole(lang)
	return &Session{Ctx: ctx, App: a, Cat: cat, Styles: styles.New(dark), Keys: keys.New(cat)}
}

// SignedIn reports whether an admin is signed in.
func (s *Session) SignedIn() bool { return s.Acting != nil }

// SetLanguage switches the whole console to another language, from the next View on.
func (s *Session) SetLanguage(lang model.Language) {
	if lang == s.Cat.Lang {
		return
	}
	s.Cat = i18n.ForConsole(lang)
	s.Keys = keys.New(s.Cat)
}

// OtherLanguage is the language the l key switches to.
func (s *Session) OtherLanguage() model.Language {
	if s.Cat.Lang == model.French {
		return model.English
	}
	return model.French
}

// SetDark rebuilds the styles once the terminal has told its background colour.
func (s *Session) SetDark(dark bool) {
	if dark != s.Styles.Dark {
		s.Styles = styles.New(dark)
	}
}

// ReadableFiles is nil when the console may read these paths: any on a local terminal, over
// SSH only those inside the admin's inbox (model.ErrServerFiles otherwise).
func (s *Session) ReadableFiles(paths ...string) error {
	if !s.Remote {
		return nil
	}
	for _, p := range paths {
		if s.Inbox == "" || !filepath.IsAbs(p) {
			return model.ErrServerFiles
		}
		if r, err := filepath.Rel(s.Inbox, filepath.Clean(p)); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return model.ErrServerFiles
		}
	}
	return nil
}

// NewRequest returns a fresh request id.
func (s *Session) NewRequest() RequestID {
	s.lastRequest++
	return s.lastRequest
}

// LocalFiles is model.ErrServerFiles in a console served over SSH, nil on a local terminal:
// screens call it before reading or writing a file the admin named.
func (s *Session) LocalFiles() error {
	if s.Remote {
		return model.ErrServerFiles
	}
	return nil
}
