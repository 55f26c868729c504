package app

import (
	"context"
	"errors"
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"sync"

	"rollcall/mailmerge"
	"rollcall/model"
	"rollcall/storage"
)

// MergeOptions say how the cards and emails of one run are written.
type MergeOptions struct {
	// ProfileLabel names a profile in a language; the faces pass their catalogue's (app
	// writes no prose). Nil prints the profile's code ("student").
	ProfileLabel func(model.Profile, model.Language) string
	// ActivationURL replaces the configured activation address for this run ("": settings).
	ActivationURL string
	// TemplateDir replaces the configured template directory for this run ("": settings,
	// else the embedded defaults).
	TemplateDir string
}

// AuditCards records that login cards were printed.
const AuditCards model.AuditAction = "mailmerge.cards"

// mergeState is the App's mail-merge state: which campaigns this process is sending, and a
// lock that makes spending an activation code one step.
type mergeState struct {
	mu      sync.Mutex
	running map[model.ID]bool

	activate sync.Mutex
}

// claim marks a campaign as being sent, or fails with model.ErrCampaignRunning.
func (s *mergeState) claim(id model.ID) (release func(), err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running[id] {
		return nil, model.ErrCampaignRunning
	}
	if s.running == nil {
		s.running = map[model.ID]bool{}
	}
	s.running[id] = true
	return func() {
		s.mu.Lock()
		delete(s.running, id)
		s.mu.Unlock()
	}, nil
}

func (s *mergeState) live(id model.ID) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.running[id]
}

// merger turns users into cards for one admin and one run. Each school's cards point to its
// own activation address; the templates and the SMTP server are the run's, so the schools of
// one run must agree on them (model.ErrSchoolSettingsDiffer).
type merger struct {
	a     *App
	lang  model.Language // for people whose language is not known
	label func(model.Profile, model.Language) string
	tpl   *mailmerge.Templates // nil: the defaults
	// bases is each school's activation address; noBase is true when a school of the run has
	// none, so cards and emails cannot be made.
	bases    map[model.ID]*url.URL
	noBase   bool
	from     string       // the signature of emails: the sender's name
	settings MailSettings // the schools' SMTP server and sender
	orgs     map[model.ID]string
	classes  map[model.ID]model.Class
	ranks    map[model.ID]int
	// ctx and products serve the cards' family and licence lines (merge_family.go).
	ctx        context.Context
	products   map[model.ID]string
	productsMu sync.Mutex // cards are made by several senders at once
}

// newMerger loads what cards need: the settings of the schools of the run (schools), the
// templates, organization and class names.
func (a *App) newMerger(ctx context.Context, lang model.Language, opts MergeOptions, templateDir string, schools []model.ID) (*merger, error) {
	m := &merger{a: a, lang: lang, label: opts.ProfileLabel, bases: map[model.ID]*url.URL{},
		orgs: map[model.ID]string{}, classes: map[model.ID]model.Class{}, ctx: ctx, products: map[model.ID]string{}}
	dir, err := m.useSchools(ctx, schools, opts, templateDir)
	if err != nil {
		return nil, err
	}
	if addr, err := mail.ParseAddress(m.settings.From); err == nil {
		m.from = addr.Name
	}
	if dir != "" {
		if m.tpl, err = mailmerge.LoadTemplates(dir); err != nil {
			return nil, err
		}
	}
	orgs, err := a.store.ListOrgs(ctx)
	if err != nil {
		return nil, err
	}
	for _, o := range orgs {
		m.orgs[o.ID] = o.Name
	}
	classes, err := a.store.ListClasses(ctx)
	if err != nil {
		return nil, err
	}
	SortClasses(classes)
	m.ranks = make(map[model.ID]int, len(classes))
	for i, c := range classes {
		m.classes[c.ID], m.ranks[c.ID] = c, i
	}
	return m, nil
}

// useSchools reads the settings of the run's schools: each one's activation address, and the
// SMTP server and template directory they must share. It returns that directory.
func (m *merger) useSchools(ctx context.Context, schools []model.ID, opts MergeOptions, templateDir string) (string, error) {
	var dir string
	for i, org := range schools {
		s, err := m.a.schoolSettings(ctx, org)
		if err != nil {
			return "", err
		}
		base := opts.ActivationURL
		if base == "" {
			if base, err = m.a.activationBase(ctx, s.Mail); err != nil {
				return "", err
			}
		}
		if base == "" {
			m.noBase = true
		} else if m.bases[org], err = parseBaseURL(base); err != nil {
			return "", &model.ValidationError{Field: "activation_url", Rule: model.RuleUnknownValue, Value: base}
		}
		d := firstNonEmpty(opts.TemplateDir, templateDir, s.Mail.TemplateDir)
		if i == 0 {
			m.settings, dir = s.Mail, d
			continue
		}
		if d != dir || s.Mail.SMTPConfig() != m.settings.SMTPConfig() {
			return "", model.ErrSchoolSettingsDiffer
		}
	}
	if len(schools) == 0 {
		m.noBase = true
	}
	return dir, nil
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

// card is the login card (and account email) of u. The reset code, when one is due, is the
// caller's to add.
func (m *merger) card(u *model.User) mailmerge.Card {
	lang := u.Language
	if !lang.Valid() {
		lang = m.lang
	}
	c := mailmerge.Card{OrgName: m.orgs[u.OrgID], FullName: u.FullName(), Profile: m.profileLabel(u.Profile, lang),
		Class: m.classNames(u.ClassIDs), Login: u.Login, Activated: u.Activated(), Email: u.Email, Language: lang,
		Children: m.children(u), Licences: m.licences(u)}
	if base := m.bases[u.OrgID]; base != nil {
		c.ResetURL = pageURL(base, "reset", u.Login, "")
		if !c.Activated {
			c.ActivationURL = pageURL(base, "activate", u.Login, u.ActivationCode)
		}
	}
	if !c.Activated {
		c.ActivationCode = u.ActivationCode
	}
	return c
}

func (m *merger) profileLabel(p model.Profile, lang model.Language) string {
	if m.label != nil {
		if s := m.label(p, lang); s != "" {
			return s
		}
	}
	return p.String()
}

// classNames lists a user's classes in class order.
func (m *merger) classNames(ids []model.ID) string {
	switch len(ids) {
	case 0:
		return ""
	case 1:
		return m.classes[ids[0]].Name
	}
	sorted := slices.Clone(ids)
	slices.SortFunc(sorted, func(x, y model.ID) int { return m.ranks[x] - m.ranks[y] })
	names := make([]string, 0, len(sorted))
	for _, id := range sorted {
		if c, ok := m.classes[id]; ok {
			names = append(names, c.Name)
		}
	}
	return strings.Join(names, ", ")
}

// pageURL is base/page?login=…[&code=…].
func pageURL(base *url.URL, page, login, code string) string {
	u := base.JoinPath(page)
	q := u.Query()
	q.Set("login", login)
	if code != "" {
		q.Set("code", code)
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// source streams the cards of ids from the store, one user read at a time, so 100,000 cards
// never sit in memory. A user deleted since the selection is skipped.
func (m *merger) source(ctx context.Context, ids []model.ID) mailmerge.CardSource {
	return mailmerge.SeqSource(len(ids), func(yield func(mailmerge.Card, error) bool) {
		for _, id := range ids {
			u, err := m.a.store.User(ctx, id)
			if errors.Is(err, storage.ErrNotFound) {
				continue
			}
			if err != nil {
				yield(mailmerge.Card{}, err)
				return
			}
			if !yield(m.card(&u), nil) {
				return
			}
		}
	})
}

// message is the account email of a card. An activated account's email carries resetCode (raw)
// and a reset link with it.
func (m *merger) message(c mailmerge.Card, resetCode string) (mailmerge.Message, error) {
	if c.Activated && resetCode != "" {
		c.ResetCode = resetCode
		if c.ResetURL != "" { // the school's reset page, now with the code
			if u, err := url.Parse(c.ResetURL); err == nil {
				q := u.Query()
				q.Set("code", resetCode)
				u.RawQuery = q.Encode()
				c.ResetURL = u.String()
			}
		}
	}
	return mailmerge.BuildAccountMessage(m.tpl, c, m.from)
}
