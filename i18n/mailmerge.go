package i18n

import (
	"errors"
	"fmt"
	"strings"

	"rollcall/mailmerge"
	"rollcall/model"
)

// MailMergeTexts are the words of the mail merge (cards and email campaigns), of account
// activation and password reset, of the mail settings, and the admins' own account emails.
type MailMergeTexts struct {
	// Screen.
	Title, Selection, Layout, Paper, Output, SplitByClass, SplitHint, PerSheet string
	TabCards, TabEmails, Preview, FirstCard, FirstMessage, NoMessage, NoCard   string
	Counts                                                                     string // total, with email, activated
	Generate, Send, Resume, Cancel, Cancelling, Browse, Edit, Subject, To      string
	Pages, Written, WrittenSplit, CampaignLine, CampaignPaused, CampaignDone   string
	NoActivationURL, NoSMTP, ActivationURL, SaveURL, Campaigns, NoCampaigns    string
	OutputHint, ActivationURLHint, FromHome                                    string
	// FromFilter names the saved filter the selection came from; Everyone is the picker's
	// first choice.
	FromFilter, Everyone, KeyFilter                                     string
	Options, ConfirmSend, Generating, SendingNow, CampaignItem, Running string

	// Keys: their help texts.
	KeyTab, KeyEdit, KeyGenerate, KeySend, KeyResume, KeyCancel, KeyConfirm, KeySMTP string
	// The password policy form (w): its title names the school.
	KeyPolicy, PolicyTitle, PolicyProfile, PolicyMinLength, PolicyClasses string

	// SMTP is the mail server form of the emails tab.
	SMTP SMTPFormTexts

	// Campaign states and delivery words.
	States                                                 CampaignStateTexts
	Activation, Reset, Uncertain, UncertainHint            string
	Sent, Failed, Left, Pending, Sending, Recipients, Rate string

	// CLI.
	DryRunHeader, CampaignCreated, ResumeWith, Activated, PasswordReset, ResetEmailed string
	ResetShown, SettingsSaved, SettingsPassword, Set, Unset, TemplatesExported        string
	NothingLeft, FailedLine                                                           string
	// PolicySaved says a school's password policy was saved (profile, school).
	PolicySaved string

	// The admins' account emails (app.NotifierTexts).
	VerifySubject, VerifyBody, InviteSubject, InviteBody string

	// Errors.
	ErrNoActivationURL, ErrNoSMTP, ErrCampaignRunning, ErrNoRecipients, ErrNotActivated string
	ErrCodeInvalid, ErrCodeExpired, ErrCodeUsed, ErrPaused, ErrNoCards, ErrTemplate     string
	ErrLayout, ErrSend, ErrAddress                                                      string
	ErrSchoolsDiffer                                                                    string
}

// SMTPFormTexts are the mail server form's labels and hints.
type SMTPFormTexts struct {
	Host, Port, PortHint, Security, NoTLS, Username, UsernameHint, Password, PasswordKeep string
	From, FromHint, Saved                                                                 string
}

// CampaignStateTexts name the states of a campaign.
type CampaignStateTexts struct {
	New, Running, Paused, Cancelled, Done, Interrupted string
}

// CampaignState names a campaign's state; interrupted is a running campaign nobody runs.
func (c *Catalog) CampaignState(s model.CampaignState, interrupted bool) string {
	t := c.MailMerge.States
	if interrupted {
		return t.Interrupted
	}
	switch s {
	case model.CampaignRunning:
		return t.Running
	case model.CampaignPaused:
		return t.Paused
	case model.CampaignCancelled:
		return t.Cancelled
	case model.CampaignDone:
		return t.Done
	}
	return t.New
}

// Variant names an account email's variant.
func (c *Catalog) Variant(v model.MailVariant) string {
	if v == model.VariantReset {
		return c.MailMerge.Reset
	}
	return c.MailMerge.Activation
}

// mailMergeError translates the mail merge's errors; ok is false for any other error.
func (c *Catalog) mailMergeError(err error) (string, bool) {
	t := c.MailMerge
	var code *model.AccountCodeError
	var paused *model.CampaignPausedError
	var tes mailmerge.TemplateErrors
	var te *mailmerge.TemplateError
	var le *mailmerge.LayoutError
	var se *mailmerge.SendError
	var ae *mailmerge.AddressError
	switch {
	case errors.As(err, &code):
		return fmt.Sprintf(c.codeReason(code.Err), code.Login), true
	case errors.As(err, &paused):
		return fmt.Sprintf(t.ErrPaused, paused.CampaignID, c.pauseReason(paused.Pause), paused.CampaignID), true
	case errors.As(err, &tes):
		lines := make([]string, len(tes))
		for i, e := range tes {
			lines[i] = templateErrorText(t, e)
		}
		return strings.Join(lines, "\n"), true
	case errors.As(err, &te):
		return templateErrorText(t, te), true
	case errors.As(err, &le):
		return fmt.Sprintf(t.ErrLayout, le.Value), true
	case errors.As(err, &ae):
		return fmt.Sprintf(t.ErrAddress, ae.Address), true
	case errors.As(err, &se):
		return fmt.Sprintf(t.ErrSend, se.Error()), true
	}
	for _, s := range []sentinelText{
		{model.ErrNoActivationURL, t.ErrNoActivationURL}, {model.ErrNoSMTP, t.ErrNoSMTP},
		{model.ErrSchoolSettingsDiffer, t.ErrSchoolsDiffer},
		{model.ErrCampaignRunning, t.ErrCampaignRunning}, {model.ErrNoRecipients, t.ErrNoRecipients},
		{model.ErrNotActivated, t.ErrNotActivated}, {mailmerge.ErrNoCards, t.ErrNoCards},
	} {
		if errors.Is(err, s.err) {
			return s.text, true
		}
	}
	return "", false
}

func (c *Catalog) codeReason(reason error) string {
	switch {
	case errors.Is(reason, model.ErrCodeExpired):
		return c.MailMerge.ErrCodeExpired
	case errors.Is(reason, model.ErrCodeUsed):
		return c.MailMerge.ErrCodeUsed
	}
	return c.MailMerge.ErrCodeInvalid
}

// pauseReason says what the server did: "connect: connection refused", "AUTH: 535 ...".
func (c *Catalog) pauseReason(p model.CampaignPause) string {
	if p.Code != 0 {
		return fmt.Sprintf("%s: %d %s", p.Phase, p.Code, p.Reply)
	}
	return fmt.Sprintf("%s: %s", p.Phase, p.Reply)
}

// PauseReason says why a campaign paused, for a status line.
func (c *Catalog) PauseReason(p model.CampaignPause) string { return c.pauseReason(p) }

func templateErrorText(t MailMergeTexts, e *mailmerge.TemplateError) string {
	where := e.Name
	if e.Line > 0 {
		where = fmt.Sprintf("%s:%d", e.Name, e.Line)
	}
	msg := e.Message
	if msg == "" && e.Err != nil {
		msg = e.Err.Error()
	}
	return fmt.Sprintf(t.ErrTemplate, where, msg)
}
