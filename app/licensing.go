package app

import (
	"context"
	"sync"

	"rollcall/dirsync"
	"rollcall/mailmerge"
	"rollcall/model"
)

// SeatMailer sends one email; mailmerge's SMTP Mailer is one.
type SeatMailer interface {
	Send(ctx context.Context, m mailmerge.Message) error
}

// SeatNotice writes the email telling someone their seat of a subscription is ready, in a
// language; the faces build it from their catalogue (app writes no prose).
type SeatNotice func(sub model.Subscription, email string, lang model.Language) mailmerge.Message

// LicensingOptions are the dependencies of subscriptions and seats.
type LicensingOptions struct {
	// CatalogPath is a display catalogue file replacing the shipped one ("": shipped).
	CatalogPath string
	// Notice writes the email to new seat holders; without it nobody is emailed. Mailer sends
	// it; when nil, the SMTP server of the mail settings (rollcall settings smtp) does.
	Mailer SeatMailer
	Notice SeatNotice
	// Directories says how to reach Google Workspace and Microsoft 365 for syncs.
	Directories dirsync.Config
}

// licensing is the App's state for subscriptions and seats.
type licensing struct {
	opts LicensingOptions

	catalogOnce sync.Once
	catalog     *model.DisplayCatalog
	catalogErr  error
}

// Directories reports which cloud directories are configured for syncs.
func (a *App) Directories() (google, microsoft bool) {
	d := a.lic.opts.Directories
	return d.Google.Configured(), d.Microsoft.Configured()
}
