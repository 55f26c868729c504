package app

import (
	"context"
	"fmt"
	"log/slog"
	"net/mail"
	"net/url"
	"strings"

	"rollcall/mailmerge"
	"rollcall/model"
)

// AuditMailSettings records a change of the mail settings (never the password itself).
const AuditMailSettings model.AuditAction = "settings.mail"

// MailSettings say how Rollcall reaches the SMTP server and where cards and emails send people.
// Each school has its own (SchoolSettings.Mail). The password is stored in the database
// (which is private to its owner) because sending needs it; String, Format and LogValue never
// show it.
type MailSettings struct {
	Host     string             `json:"host,omitempty"`
	Port     int                `json:"port,omitempty"` // 0: the usual port of Security
	Security mailmerge.Security `json:"security,omitempty"`
	Username string             `json:"username,omitempty"` // "": no authentication
	Password string             `json:"password,omitempty"`
	From     string             `json:"from,omitempty"` // "IT service <it@school.example>"
	// ActivationURL is the school's account page: cards and emails point to
	// ActivationURL/activate?login=…&code=… and ActivationURL/reset?login=….
	ActivationURL string `json:"activation_url,omitempty"`
	// TemplateDir holds the admin's edited card and email templates ("": the defaults).
	TemplateDir string `json:"template_dir,omitempty"`
}

// SMTPConfigured reports whether emails can be sent: a host and a sender are set.
func (s MailSettings) SMTPConfigured() bool { return s.Host != "" && s.From != "" }

// SMTPConfig is the mailer configuration of the settings.
func (s MailSettings) SMTPConfig() mailmerge.SMTPConfig {
	return mailmerge.SMTPConfig{Host: s.Host, Port: s.Port, Security: s.Security, Username: s.Username,
		Password: s.Password, From: s.From}
}

// PasswordSet reports whether a password is stored, which is all a person is ever shown.
func (s MailSettings) PasswordSet() bool { return s.Password != "" }

// String describes the settings without the password.
func (s MailSettings) String() string {
	return fmt.Sprintf("%s activation_url=%q template_dir=%q", s.SMTPConfig(), s.ActivationURL, s.TemplateDir)
}

// GoString is String for %#v.
func (s MailSettings) GoString() string { return "app.MailSettings{" + s.String() + "}" }

// Format sends every fmt verb through String, so the password never reaches a log.
func (s MailSettings) Format(f fmt.State, verb rune) {
	if verb == 'q' {
		fmt.Fprintf(f, "%q", s.String())
		return
	}
	fmt.Fprint(f, s.String())
}

// LogValue gives slog the settings without the password.
func (s MailSettings) LogValue() slog.Value {
	return slog.GroupValue(slog.Any("smtp", s.SMTPConfig()), slog.String("activation_url", s.ActivationURL),
		slog.String("template_dir", s.TemplateDir))
}

// MailSettingsChange says which settings to change: nil fields stay as they are; an empty
// string clears a setting.
type MailSettingsChange struct {
	Host, Username, Password, From, ActivationURL, TemplateDir *string
	Port                                                       *int
	Security                                                   *string // none, starttls or tls
}

// MailSettings returns the mail settings of one of the admin's schools (org 0: their only
// one), zero when none were saved.
func (s *Session) MailSettings(ctx context.Context, org model.ID) (_ MailSettings, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.mailSettings(ctx, admin, org)
}

func (a *App) mailSettings(ctx context.Context, admin model.Admin, org model.ID) (MailSettings, error) {
	_, s, err := a.schoolSettingsOf(ctx, admin, org)
	return s.Mail, err
}

// SetMailSettings applies a change to one of the admin's schools and saves the result once
// every value is valid (all the problems are reported together). A template directory is
// loaded, so a broken template is a *mailmerge.TemplateError now rather than halfway through a
// campaign. The change is in that school's audit log.
func (s *Session) SetMailSettings(ctx context.Context, org model.ID, ch MailSettingsChange, dryRun bool) (_ MailSettings, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.setMailSettings(ctx, admin, org, ch, dryRun)
}

func (a *App) setMailSettings(ctx context.Context, admin model.Admin, org model.ID, ch MailSettingsChange, dryRun bool) (MailSettings, error) {
	o, all, err := a.schoolSettingsOf(ctx, admin, org)
	if err != nil {
		return MailSettings{}, err
	}
	s := all.Mail
	errs := ch.apply(&s)
	errs = append(errs, s.validate()...)
	if err := errs.Err(); err != nil {
		return s, err
	}
	if s.TemplateDir != "" {
		if _, err := mailmerge.LoadTemplates(s.TemplateDir); err != nil {
			return s, err
		}
	}
	if dryRun {
		return s, nil
	}
	all.Mail = s
	if err := a.saveSchoolSettings(ctx, o.ID, all); err != nil {
		return s, err
	}
	detail := fmt.Sprintf("smtp %s:%d %s, from %s, activation %s", s.Host, s.Port, s.Security, s.From, s.ActivationURL)
	return s, a.audit(ctx, admin, AuditMailSettings, detail, o.ID)
}

func (ch MailSettingsChange) apply(s *MailSettings) model.ValidationErrors {
	var errs model.ValidationErrors
	for _, f := range []struct {
		in  *string
		out *string
	}{{ch.Host, &s.Host}, {ch.Username, &s.Username}, {ch.Password, &s.Password}, {ch.From, &s.From},
		{ch.ActivationURL, &s.ActivationURL}, {ch.TemplateDir, &s.TemplateDir}} {
		if f.in != nil {
			*f.out = strings.TrimSpace(*f.in)
		}
	}
	if ch.Password != nil {
		s.Password = *ch.Password // spaces may be part of a password
	}
	if ch.Port != nil {
		s.Port = *ch.Port
	}
	if ch.Security != nil {
		sec, ok := mailmerge.ParseSecurity(*ch.Security)
		if !ok {
			errs = append(errs, &model.ValidationError{Field: "security", Rule: model.RuleUnknownValue, Value: *ch.Security})
		}
		s.Security = sec
	}
	return errs
}

func (s MailSettings) validate() model.ValidationErrors {
	var errs model.ValidationErrors
	if s.Port < 0 || s.Port > 65535 {
		errs = append(errs, &model.ValidationError{Field: "port", Rule: model.RuleUnknownValue, Value: fmt.Sprint(s.Port)})
	}
	if s.From != "" {
		if _, err := mail.ParseAddress(s.From); err != nil {
			errs = append(errs, &model.ValidationError{Field: "from", Rule: model.RuleEmail, Value: s.From})
		}
	}
	if s.Host != "" && s.From == "" {
		errs = append(errs, &model.ValidationError{Field: "from", Rule: model.RuleRequired})
	}
	if s.From != "" && s.Host == "" {
		errs = append(errs, &model.ValidationError{Field: "host", Rule: model.RuleRequired})
	}
	if s.ActivationURL != "" {
		if _, err := parseBaseURL(s.ActivationURL); err != nil {
			errs = append(errs, &model.ValidationError{Field: "activation_url", Rule: model.RuleUnknownValue, Value: s.ActivationURL})
		}
	}
	return errs
}

// parseBaseURL accepts an absolute http or https address.
func parseBaseURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, err
	}
	if (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("%q: want an http or https address", s)
	}
	return u, nil
}
