package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
)

func newSeatsCmd(f *factory) *cobra.Command {
	cmd := &cobra.Command{Use: "seats", Short: "Seats of a subscription: list, add, import, sync, take back"}
	cmd.AddCommand(newSeatsListCmd(f), newSeatsAddCmd(f), newSeatsImportCmd(f), newSeatsRemoveCmd(f), newSeatsSyncCmd(f))
	return cmd
}

// seatJSON is the stable --json shape of a seat: a directory account's (user_id, login, its
// email if any) or an outside email's.
type seatJSON struct {
	ID      model.ID  `json:"id"`
	UserID  model.ID  `json:"user_id,omitempty"`
	Login   string    `json:"login,omitempty"`
	Email   string    `json:"email"`
	Key     string    `json:"key,omitempty"`
	Source  string    `json:"source"` // typed, file, roster, selection, google, microsoft
	Sync    string    `json:"sync,omitempty"`
	AddedBy model.ID  `json:"added_by,omitempty"`
	AddedAt time.Time `json:"added_at,omitzero"`
}

// seatsListJSON is the --json shape of `seats list`.
type seatsListJSON struct {
	Subscription subJSON    `json:"subscription"`
	Seats        []seatJSON `json:"seats"`
}

type seatsListOptions struct {
	f      *factory
	asJSON bool
	sub    string
}

func newSeatsListCmd(f *factory) *cobra.Command {
	o := &seatsListOptions{f: f}
	cmd := &cobra.Command{
		Use: "list SUBSCRIPTION-ID", Short: "List a subscription's seat holders: email, how added, when",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.sub = args[0]
			return runSeatsList(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON")
	return cmd
}

func runSeatsList(ctx context.Context, o *seatsListOptions) error {
	f := o.f
	sess, id, err := signedInSub(ctx, f, o.sub)
	if err != nil {
		return err
	}
	l, err := sess.ListSeats(ctx, id)
	if err != nil {
		return err
	}
	out := seatsListJSON{Subscription: toSubJSON(l.SubRow), Seats: []seatJSON{}}
	for _, s := range l.Seats {
		out.Seats = append(out.Seats, toSeatJSON(s))
	}
	if o.asJSON {
		return f.printJSON(out)
	}
	cat := f.Catalog()
	f.say(cat.Licensing.Seats.Summary, cat.Int(l.Assigned), cat.Int(l.Sub.Seats), cat.Int(l.Free()))
	tw := tabwriter.NewWriter(f.env.stdout, 2, 4, 2, ' ', 0)
	for _, s := range l.Seats {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", s.Label(), s.Key, cat.SeatSource(s), cat.DateTime(s.AddedAt))
	}
	return tw.Flush()
}

func toSeatJSON(s model.Seat) seatJSON {
	return seatJSON{ID: s.ID, UserID: s.UserID, Login: s.Login, Email: s.Email, Key: s.Key, Source: s.Source.String(),
		Sync: s.Sync, AddedBy: s.AddedBy, AddedAt: s.AddedAt}
}

// seatResultJSON is the --json shape of a change of seats.
type seatResultJSON struct {
	Added        []string         `json:"added"`   // each holder's email, else login
	Removed      []string         `json:"removed"` // the same
	Seats        []seatJSON       `json:"seats"`   // the seats added, in full
	Duplicates   int              `json:"duplicates"`
	Kept         int              `json:"kept,omitempty"`
	Read         int              `json:"read,omitempty"`
	Free         int              `json:"free"`
	Notified     int              `json:"notified,omitempty"`
	NotifyFailed []notifyFailJSON `json:"notify_failed,omitempty"`
	DryRun       bool             `json:"dry_run,omitempty"`
}

// notifyFailJSON is an email that could not be sent.
type notifyFailJSON struct {
	Email string `json:"email"`
	Error string `json:"error"`
}

// reportSeats prints what a change of seats did: a summary on stderr, JSON on stdout if asked.
func reportSeats(f *factory, res app.SeatResult, dryRun, asJSON bool) error {
	cat := f.Catalog()
	t := cat.Licensing.Seats
	out := seatResultJSON{Added: []string{}, Removed: []string{}, Duplicates: res.Duplicates, Kept: res.Kept, Read: res.Read,
		Free: res.Free, Notified: res.Notified, DryRun: dryRun}
	out.Seats = []seatJSON{}
	for _, s := range res.Added {
		out.Added = append(out.Added, s.Label())
		out.Seats = append(out.Seats, toSeatJSON(s))
	}
	for _, s := range res.Removed {
		out.Removed = append(out.Removed, s.Label())
	}
	f.say("%s", cat.SeatSummary(i18n.SeatCounts{Added: len(res.Added), Removed: len(res.Removed), Kept: res.Kept,
		Duplicates: res.Duplicates, Notified: res.Notified, Free: res.Free, DryRun: dryRun}))
	if res.NotifySkipped {
		f.say("%s", t.NoMailer)
	}
	for _, e := range res.NotifyErrs {
		f.say(t.NotifyFailed, e.Email, cat.Error(e.Err))
		out.NotifyFailed = append(out.NotifyFailed, notifyFailJSON{Email: e.Email, Error: e.Err.Error()})
	}
	if asJSON {
		return f.printJSON(out)
	}
	return nil
}

type seatsAddOptions struct {
	f       *factory
	opts    app.SeatOptions
	asJSON  bool
	sub     string
	holders []string
}

func newSeatsAddCmd(f *factory) *cobra.Command {
	o := &seatsAddOptions{f: f}
	cmd := &cobra.Command{
		Use:   "add SUBSCRIPTION-ID (EMAIL|LOGIN)... [--key KEY]",
		Short: "Give seats to emails and directory logins (spaces, commas or new lines between them); more than are free adds none",
		Args:  cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.sub = args[0]
			o.holders = args[1:]
			return runSeatsAdd(cmd.Context(), o)
		},
	}
	seatFlags(cmd.Flags(), &o.opts, &o.asJSON)
	cmd.Flags().StringVar(&o.opts.Key, "key", "", "the product key the new seats use (default: the first with room)")
	return cmd
}

func runSeatsAdd(ctx context.Context, o *seatsAddOptions) error {
	f := o.f
	sess, id, err := signedInSub(ctx, f, o.sub)
	if err != nil {
		return err
	}
	o.opts.Lang = f.Catalog().Lang
	res, err := sess.AddTypedSeats(ctx, id, strings.Join(o.holders, " "), o.opts)
	if err != nil {
		return err
	}
	return reportSeats(f, res, o.opts.DryRun, o.asJSON)
}

func seatFlags(fl *pflag.FlagSet, opts *app.SeatOptions, asJSON *bool) {
	fl.BoolVar(&opts.DryRun, "dry-run", false, "count what would change, change nothing")
	fl.BoolVar(&opts.Notify, "notify", false, "email the new seat holders (when a mail server is set up)")
	fl.BoolVar(asJSON, "json", false, "print what changed as JSON")
}

type seatsImportOptions struct {
	f         *factory
	opts      app.SeatOptions
	asJSON    bool
	sub, file string
}

func newSeatsImportCmd(f *factory) *cobra.Command {
	o := &seatsImportOptions{f: f}
	cmd := &cobra.Command{
		Use:   "import SUBSCRIPTION-ID FILE.csv",
		Short: "Give seats to the emails of a CSV file: one a line, no header, no spaces, commas or quotes",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.sub, o.file = args[0], args[1]
			return runSeatsImport(cmd.Context(), o)
		},
	}
	seatFlags(cmd.Flags(), &o.opts, &o.asJSON)
	return cmd
}

func runSeatsImport(ctx context.Context, o *seatsImportOptions) error {
	f := o.f
	sess, id, err := signedInSub(ctx, f, o.sub)
	if err != nil {
		return err
	}
	file, err := os.Open(o.file)
	if err != nil {
		return err
	}
	defer file.Close()
	o.opts.Lang = f.Catalog().Lang
	res, err := sess.ImportSeats(ctx, id, filepath.Base(o.file), file, o.opts)
	if err != nil {
		return err
	}
	return reportSeats(f, res, o.opts.DryRun, o.asJSON)
}

type seatsRemoveOptions struct {
	f                                   *factory
	byHand, yes, dryRun, asJSON, detach bool
	args                                []string
}

func newSeatsRemoveCmd(f *factory) *cobra.Command {
	o := &seatsRemoveOptions{f: f}
	cmd := &cobra.Command{
		Use:   "remove SUBSCRIPTION-ID (EMAIL|LOGIN | --by-hand) [--detach] [--yes]",
		Short: "Take back one seat, or every seat given by hand (syncs keep theirs; --detach takes a sync's seat anyway)",
		Args:  cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.args = args
			return runSeatsRemove(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.byHand, "by-hand", false, "every seat given by hand (typed or from a file)")
	cmd.Flags().BoolVar(&o.detach, "detach", false, "take back a seat a sync gave: it becomes a hand seat first (the sync's next run gives it back)")
	yesFlag(cmd.Flags(), &o.yes)
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "say what would be taken back")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print what changed as JSON")
	return cmd
}

func runSeatsRemove(ctx context.Context, o *seatsRemoveOptions) error {
	f := o.f
	if o.byHand == (len(o.args) == 2) {
		return usageError{errors.New(o.f.Catalog().CLIUsage.OneEmail)}
	}
	sess, id, err := signedInSub(ctx, f, o.args[0])
	if err != nil {
		return err
	}
	remove := func(dry bool) (app.SeatResult, error) {
		if o.byHand {
			return sess.RemoveHandSeats(ctx, id, dry)
		}
		return sess.RemoveSeat(ctx, id, o.args[1], o.detach, dry)
	}
	res, err := remove(true) // what would go, to ask about it
	if err != nil || o.dryRun {
		if err == nil {
			return reportSeats(f, res, true, o.asJSON)
		}
		return err
	}
	cat := f.Catalog()
	if len(res.Removed) == 0 {
		f.say("%s", cat.Licensing.Seats.NothingByHand)
		return reportSeats(f, res, false, o.asJSON)
	}
	if !o.yes {
		if err := confirmRemoval(f, res, o.byHand); err != nil {
			return err
		}
	}
	if res, err = remove(false); err != nil {
		return err
	}
	return reportSeats(f, res, false, o.asJSON)
}

// confirmRemoval asks before taking seats back; no is errSilent, after saying it was cancelled.
func confirmRemoval(f *factory, res app.SeatResult, byHand bool) error {
	cat := f.Catalog()
	q := fmt.Sprintf(cat.Licensing.Seats.ConfirmRemoveHand, cat.Count(len(res.Removed), cat.Licensing.Seat))
	if !byHand {
		q = fmt.Sprintf(cat.Licensing.Seats.ConfirmRemoveOne, res.Removed[0].Label())
	}
	return confirmOrCancel(f, q)
}
