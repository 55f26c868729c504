package i18n

import (
	"fmt"

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

	// File counts the files of cards split by class (WrittenSplit); Card and Page what a card
	// run wrote (Written).
	File, Card, Page Noun

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
	// ErrNoAddress: a card without an email (login); ErrTemplateUnknown: a file that is not
	// a template (where); ErrTemplateTooLong: a template that wrote too much (where).
	ErrNoAddress, ErrTemplateUnknown, ErrTemplateTooLong string
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

// mailMergeMessage tells the mail merge's errors.
func (c *Catalog) mailMergeMessage(m model.Message) (string, bool) {
	t := c.MailMerge
	str := func(i int) string { return arg[string](m, i) }
	switch m.ID {
	case model.MsgNoActivationURL:
		return t.ErrNoActivationURL, true
	case model.MsgNoSMTP:
		return t.ErrNoSMTP, true
	case model.MsgSchoolSettingsDiffer:
		return t.ErrSchoolsDiffer, true
	case model.MsgCampaignRunning:
		return t.ErrCampaignRunning, true
	case model.MsgNoRecipients:
		return t.ErrNoRecipients, true
	case model.MsgNotActivated:
		return t.ErrNotActivated, true
	case model.MsgNoCards:
		return t.ErrNoCards, true
	case model.MsgCampaignPaused:
		id := arg[model.ID](m, 0)
		return fmt.Sprintf(t.ErrPaused, id, c.pauseReason(arg[model.CampaignPause](m, 1)), id), true
	case model.MsgAccountCodeInvalid:
		return fmt.Sprintf(t.ErrCodeInvalid, str(0)), true
	case model.MsgAccountCodeExpired:
		return fmt.Sprintf(t.ErrCodeExpired, str(0)), true
	case model.MsgAccountCodeUsed:
		return fmt.Sprintf(t.ErrCodeUsed, str(0)), true
	case model.MsgNoAddress:
		return fmt.Sprintf(t.ErrNoAddress, str(0)), true
	case model.MsgTemplate:
		return fmt.Sprintf(t.ErrTemplate, str(0), str(1)), true
	case model.MsgTemplateUnknown:
		return fmt.Sprintf(t.ErrTemplateUnknown, str(0)), true
	case model.MsgTemplateTooLong:
		return fmt.Sprintf(t.ErrTemplateTooLong, str(0)), true
	case model.MsgLayout:
		return fmt.Sprintf(t.ErrLayout, arg[int](m, 0)), true
	case model.MsgAddress:
		return fmt.Sprintf(t.ErrAddress, str(0)), true
	case model.MsgSend:
		return fmt.Sprintf(t.ErrSend, str(0)), true
	}
	return "", false
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

// WrittenSplit says where cards split by class were written: "30 cards on 15 pages written to
// 1 file in out/", the files counted in the language's plural.
func (c *Catalog) WrittenSplit(cards, pages, files int, dir string) string {
	t := c.MailMerge
	return fmt.Sprintf(t.WrittenSplit, c.Count(cards, t.Card), c.Count(pages, t.Page), c.Count(files, t.File), dir)
}

// Written says where cards were written: "25 cards on 4 pages written to cards.pdf."
func (c *Catalog) Written(cards, pages int, path string) string {
	t := c.MailMerge
	return fmt.Sprintf(t.Written, c.Count(cards, t.Card), c.Count(pages, t.Page), path)
}
