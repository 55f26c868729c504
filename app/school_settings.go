package app

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"rollcall/model"
	"rollcall/storage"
)

// SchoolSettings are one school's own settings: how its emails leave, where its cards point,
// its templates and the password policy of each profile. An admin reads and changes only the
// settings of their schools; every change is in that school's audit log.
type SchoolSettings struct {
	Mail MailSettings `json:"mail"`
	// Policies holds the password policy of each profile that has its own; the others follow
	// model.DefaultPasswordPolicy.
	Policies map[model.Profile]model.PasswordPolicy `json:"password_policies,omitempty"`
	// GraceDays is how many days a person stays pending deletion before a year's turn deletes
	// them; nil follows model.DefaultDeletionGraceDays.
	GraceDays *int `json:"deletion_grace_days,omitempty"`
}

// PasswordPolicy is the policy passwords of profile p follow in this school.
func (s SchoolSettings) PasswordPolicy(p model.Profile) model.PasswordPolicy {
	if pol, ok := s.Policies[p]; ok {
		return pol
	}
	return model.DefaultPasswordPolicy
}

// legacyMailSettingsKey held the one set of mail settings of a database before they became
// each school's; the first read copies it to every school and deletes it.
const legacyMailSettingsKey = "mailmerge.settings"

// servedURLKey remembers the address `rollcall serve --http` last served its pages at, the
// activation address of schools that set none.
const servedURLKey = "web.served_url"

// schoolSettingsKey is the Meta key of a school's settings (JSON).
func schoolSettingsKey(org model.ID) string { return fmt.Sprintf("school.%d.settings", org) }

// schoolSettingsState makes the one-time move of the legacy settings happen once per process.
type schoolSettingsState struct {
	mu       sync.Mutex
	migrated bool
}

// schoolSettings reads a school's settings (zero when none were saved), after moving the
// database's former single settings to every school if that was not done yet.
func (a *App) schoolSettings(ctx context.Context, org model.ID) (SchoolSettings, error) {
	if err := a.migrateLegacySettings(ctx); err != nil {
		return SchoolSettings{}, err
	}
	var s SchoolSettings
	raw, err := a.store.Meta(ctx, schoolSettingsKey(org))
	if err != nil || raw == "" {
		return s, err
	}
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		return SchoolSettings{}, fmt.Errorf("settings of organization %d: %w", org, storage.ErrCorrupt)
	}
	return s, nil
}

// saveSchoolSettings writes a school's settings.
func (a *App) saveSchoolSettings(ctx context.Context, org model.ID, s SchoolSettings) error {
	raw, err := json.Marshal(s)
	if err != nil {
		return err
	}
	return a.store.SetMeta(ctx, schoolSettingsKey(org), string(raw))
}

// migrateLegacySettings gives every school a copy of the settings the database had when they
// were one for all (its SMTP server, activation address and templates), in one batch that
// also deletes the old key, so the move happens once even if the process stops halfway.
func (a *App) migrateLegacySettings(ctx context.Context) error {
	a.schools.mu.Lock()
	defer a.schools.mu.Unlock()
	if a.schools.migrated {
		return nil
	}
	raw, err := a.store.Meta(ctx, legacyMailSettingsKey)
	if err != nil {
		return err
	}
	if raw != "" {
		var legacy MailSettings
		if err := json.Unmarshal([]byte(raw), &legacy); err != nil {
			return fmt.Errorf("mail settings: %w", storage.ErrCorrupt)
		}
		orgs, err := a.store.ListOrgs(ctx)
		if err != nil {
			return err
		}
		b := storage.Batch{Meta: map[string]string{legacyMailSettingsKey: ""}}
		for _, o := range orgs {
			if cur, err := a.store.Meta(ctx, schoolSettingsKey(o.ID)); err != nil {
				return err
			} else if cur != "" {
				continue // a school that has its own keeps them
			}
			s, err := json.Marshal(SchoolSettings{Mail: legacy})
			if err != nil {
				return err
			}
			b.Meta[schoolSettingsKey(o.ID)] = string(s)
		}
		if _, err := a.store.Apply(ctx, b); err != nil {
			return fmt.Errorf("move the mail settings to each school: %w", err)
		}
	}
	a.schools.migrated = true
	return nil
}

// SchoolSettings returns the settings of one of the admin's schools (org 0: their only one).
func (s *Session) SchoolSettings(ctx context.Context, org model.ID) (_ model.Organization, _ SchoolSettings, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.schoolSettingsOf(ctx, admin, org)
}

func (a *App) schoolSettingsOf(ctx context.Context, admin model.Admin, org model.ID) (model.Organization, SchoolSettings, error) {
	o, err := a.inviteOrg(ctx, admin, org)
	if err != nil {
		return o, SchoolSettings{}, err
	}
	s, err := a.schoolSettings(ctx, o.ID)
	return o, s, err
}

// AuditPasswordPolicy records a change of a school's password policy.
const AuditPasswordPolicy model.AuditAction = "settings.password_policy"

// SetPasswordPolicy sets the policy of one profile in one of the admin's schools; every
// password chosen afterwards by a person of that profile there (card activation, reset, the
// web page, imported spreadsheets) must follow it.
func (s *Session) SetPasswordPolicy(ctx context.Context, org model.ID, profile model.Profile, pol model.PasswordPolicy, dryRun bool) (_ model.PasswordPolicy, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.setPasswordPolicy(ctx, admin, org, profile, pol, dryRun)
}

func (a *App) setPasswordPolicy(ctx context.Context, admin model.Admin, org model.ID, profile model.Profile,
	pol model.PasswordPolicy, dryRun bool) (model.PasswordPolicy, error) {
	if profile == model.ProfileUnknown {
		return pol, &model.ValidationError{Field: "profile", Rule: model.RuleRequired}
	}
	if err := pol.Validate().Err(); err != nil {
		return pol, err
	}
	o, s, err := a.schoolSettingsOf(ctx, admin, org)
	if err != nil || dryRun {
		return pol, err
	}
	if s.Policies == nil {
		s.Policies = map[model.Profile]model.PasswordPolicy{}
	}
	s.Policies[profile] = pol
	if err := a.saveSchoolSettings(ctx, o.ID, s); err != nil {
		return pol, err
	}
	detail := fmt.Sprintf("%s: %d+ %s", profile, pol.MinLength, strings.Join(pol.Classes.Names(), ","))
	return pol, a.audit(ctx, admin, AuditPasswordPolicy, detail, o.ID)
}

// PasswordPolicyOf is the policy a directory user's new password must follow: their school's
// for their profile.
func (a *App) PasswordPolicyOf(ctx context.Context, u model.User) (model.PasswordPolicy, error) {
	s, err := a.schoolSettings(ctx, u.OrgID)
	if err != nil {
		return model.PasswordPolicy{}, err
	}
	return s.PasswordPolicy(u.Profile), nil
}

// SetServedURL remembers the address the web pages are served at: schools without an
// activation address of their own point their cards there.
func (a *App) SetServedURL(ctx context.Context, base string) error {
	if _, err := parseBaseURL(base); err != nil {
		return &model.ValidationError{Field: "http", Rule: model.RuleUnknownValue, Value: base}
	}
	return a.store.SetMeta(ctx, servedURLKey, base)
}

// activationBase is where a school's cards point: its own address, else the served one.
func (a *App) activationBase(ctx context.Context, s MailSettings) (string, error) {
	if s.ActivationURL != "" {
		return s.ActivationURL, nil
	}
	return a.store.Meta(ctx, servedURLKey)
}

// SettingsSchool is the school whose settings a screen about a selection shows and changes:
// the first school of its people (MergePreview.Schools) that the admin administers, else the
// admin's first.
func SettingsSchool(admin model.Admin, schools []model.ID) model.ID {
	for _, o := range schools {
		if adminOf(admin, o) {
			return o
		}
	}
	if len(admin.OrgIDs) > 0 {
		return admin.OrgIDs[0]
	}
	return 0
}
