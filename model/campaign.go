package model

import (
	"time"
)

// DeliveryStatus is where one recipient of an email campaign stands.
type DeliveryStatus string

// The delivery states. A recipient starts pending; a run marks it sending (durably) before
// handing its message to SMTP, then sent or failed. A recipient left sending by a run that
// stopped without saying how the send ended (the process died) becomes uncertain: it may have
// been delivered, so it is not sent again unless the admin asks.
const (
	DeliveryPending   DeliveryStatus = "pending"
	DeliverySending   DeliveryStatus = "sending"
	DeliverySent      DeliveryStatus = "sent"
	DeliveryFailed    DeliveryStatus = "failed"
	DeliveryUncertain DeliveryStatus = "uncertain"
)

// Valid reports whether s is one of the delivery states.
func (s DeliveryStatus) Valid() bool {
	switch s {
	case DeliveryPending, DeliverySending, DeliverySent, DeliveryFailed, DeliveryUncertain:
		return true
	}
	return false
}

// MailVariant is which account email a recipient got.
type MailVariant string

// The account email variants: login and activation code for accounts not activated yet, the
// password-reset procedure (with a reset code) for activated ones.
const (
	VariantActivation MailVariant = "activation"
	VariantReset      MailVariant = "reset"
)

// CampaignRecipient is one person of an email campaign and how their message went.
type CampaignRecipient struct {
	CampaignID ID
	UserID     ID
	Status     DeliveryStatus
	Email      string      // the address of the latest attempt
	Variant    MailVariant // the email of the latest attempt
	Attempts   int         // SMTP transactions tried, over every run
	// Code and Reply are the SMTP server's answer to the latest failed attempt (Code 0: no
	// reply, such as a lost connection); Phase is the SMTP step that failed ("RCPT TO").
	Code      int
	Reply     string
	Phase     string
	Temporary bool // the latest failure may pass if tried again (4xx): a resume retries it
	LastTry   time.Time
	SentAt    time.Time
}

// CampaignCounts counts a campaign's recipients by delivery status.
type CampaignCounts struct {
	Pending   int `json:"pending"`
	Sending   int `json:"sending"`
	Sent      int `json:"sent"`
	Failed    int `json:"failed"`
	Uncertain int `json:"uncertain"`
}

// Add counts n more recipients (n < 0: fewer) in status s.
func (c *CampaignCounts) Add(s DeliveryStatus, n int) {
	switch s {
	case DeliveryPending:
		c.Pending += n
	case DeliverySending:
		c.Sending += n
	case DeliverySent:
		c.Sent += n
	case DeliveryFailed:
		c.Failed += n
	case DeliveryUncertain:
		c.Uncertain += n
	}
}

// Total is the number of recipients.
func (c CampaignCounts) Total() int {
	return c.Pending + c.Sending + c.Sent + c.Failed + c.Uncertain
}

// Left is the number of recipients a run would still send to (pending or in flight).
func (c CampaignCounts) Left() int { return c.Pending + c.Sending }

// CampaignState says whether a campaign is running, stopped for a reason, or finished.
type CampaignState string

// The campaign states. A campaign stored as running that no process is running was
// interrupted (the process stopped): resuming it continues where it was.
const (
	CampaignNew       CampaignState = "new"
	CampaignRunning   CampaignState = "running"
	CampaignPaused    CampaignState = "paused" // the SMTP server could not be used; see Pause
	CampaignCancelled CampaignState = "cancelled"
	CampaignDone      CampaignState = "done" // nothing left to send (failures may remain)
)

// Campaign is an email campaign: the account emails of a selection of users, sent through
// SMTP, resumable. Recipients are fixed when it is created (the selection's users who had an
// email then); each one's delivery is a CampaignRecipient.
type Campaign struct {
	ID        ID
	AdminID   ID   // who created it
	OrgIDs    []ID // the organizations of its recipients: their admins may see and resume it
	Selection Selection
	// Language is used for people whose own language is not known: the creating admin's.
	Language Language
	// TemplateDir holds the admin's edited templates ("": the defaults).
	TemplateDir string
	// RatePerMinute caps the messages sent per minute; 0 means no cap.
	RatePerMinute int
	CreatedAt     time.Time
	UpdatedAt     time.Time
	State         CampaignState
	// Pause is why the latest run stopped without finishing (the server refused the
	// connection or the login), nil otherwise.
	Pause  *CampaignPause `json:",omitempty"`
	Counts CampaignCounts
	Runs   int // how many times it was started (first run and resumes)
	LastBy ID  // the admin who started the latest run
	// Sender names the run sending the campaign, in whatever process, until LeaseUntil; a run
	// renews its lease while it sends and gives it up when it stops. Taking the lease is a
	// read-modify-write of the stored campaign, so of two processes only one sends it.
	Sender     string    `json:",omitempty"`
	LeaseUntil time.Time `json:",omitzero"`
}

// CampaignLease is how long a run holds a campaign without renewing it: a process that
// stopped (killed, its machine lost) lets another resume the campaign once it has run out.
const CampaignLease = 30 * time.Second

// SentBy reports whether some run holds the campaign at now.
func (c Campaign) SentBy(now time.Time) bool { return c.Sender != "" && now.Before(c.LeaseUntil) }

// CampaignPause is why a campaign run stopped: the SMTP step that failed and the reply.
type CampaignPause struct {
	At        time.Time
	Phase     string // "connect", "AUTH", "MAIL FROM"
	Code      int    // SMTP reply code; 0 when the server did not answer
	Reply     string // the server's reply, or the network error
	Temporary bool   // trying later may work (server down); false: fix the settings first
}

// Errors of mail merge and account activation.
var (
	// ErrNoActivationURL: cards and emails need the activation address, which is not set.
	ErrNoActivationURL = NewError(KindInvalid, MsgNoActivationURL, "no activation address configured")
	// ErrSchoolSettingsDiffer: one run of cards or emails covers schools whose templates or
	// SMTP servers differ; it must be made one school at a time.
	ErrSchoolSettingsDiffer = NewError(KindConflict, MsgSchoolSettingsDiffer, "the schools of the selection have different mail settings")
	// ErrNoSMTP: emails need an SMTP server, which is not configured.
	ErrNoSMTP = NewError(KindInvalid, MsgNoSMTP, "no SMTP server configured")
	// ErrCampaignRunning: the campaign is already being sent.
	ErrCampaignRunning = NewError(KindConflict, MsgCampaignRunning, "campaign already running")
	// ErrNoRecipients: the selection has nobody with an email address.
	ErrNoRecipients = NewError(KindNotFound, MsgNoRecipients, "nobody to send to")
	// ErrNotActivated: a password reset for an account never activated (use its activation
	// code instead).
	ErrNotActivated = NewError(KindConflict, MsgNotActivated, "account not activated")
)

// CampaignPausedError says a campaign run stopped because the SMTP server could not be used
// (down, refusing the login or the sender). Resuming once it is fixed sends what is left.
type CampaignPausedError struct {
	CampaignID ID
	Pause      CampaignPause
}

// Kind: the SMTP server is unavailable (exit code 6).
func (e *CampaignPausedError) ErrorKind() Kind { return KindUnavailable }

// Message tells the campaign and its pause.
func (e *CampaignPausedError) ErrorMessage() Message {
	return Message{ID: MsgCampaignPaused, Args: []any{e.CampaignID, e.Pause}}
}

// Error names the SMTP step that failed and the server's reply.
func (e *CampaignPausedError) Error() string {
	msg := "campaign paused: smtp " + e.Pause.Phase
	if e.Pause.Reply != "" {
		msg += ": " + e.Pause.Reply
	}
	return msg
}
