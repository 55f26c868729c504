package main

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/dirsync"
	"rollcall/model"
)

// syncFlags choose the source of `seats sync`: exactly one of them.
type syncFlags struct {
	roster, importSource           string
	googleOU, googleGroup, msGroup string
	selection                      selectionFlags
	useSelection                   bool
}

type seatsSyncOptions struct {
	f      *factory
	sf     syncFlags
	opts   app.SeatOptions
	asJSON bool
	sub    string
}

func newSeatsSyncCmd(f *factory) *cobra.Command {
	o := &seatsSyncOptions{f: f}
	cmd := &cobra.Command{
		Use:   "sync SUBSCRIPTION-ID (--roster ORG | --directory [filters] | --google-ou PATH | --google-group EMAIL | --microsoft-group ID)",
		Short: "Give seats to everyone a source lists, and take back those this same sync gave to people it no longer lists",
		Long: `Sync seats from a source. Seats given by hand, or by another sync, are never taken back.

Sources:
  --roster ORG           the teachers of an organization, as imported (--import-source oneroster: only those)
  --directory            a selection of the directory: --class, --group, --profile, --org, ... (as users list)
  --google-ou PATH       Google Workspace users of an organizational unit and the units below
  --google-group EMAIL   Google Workspace members of a group
  --microsoft-group ID   Microsoft 365 members of a group

Google credentials: ` + dirsync.EnvGoogleCredentials + ` (a service-account key file with domain-wide
delegation) and ` + dirsync.EnvGoogleAdmin + ` (the admin it acts as), or ` + dirsync.EnvGoogleToken + `[_FILE].
Microsoft credentials: ` + dirsync.EnvMSTenant + `, ` + dirsync.EnvMSClientID + ` and ` + dirsync.EnvMSClientSecret + `[_FILE]
(an app registration with GroupMember.Read.All), or ` + dirsync.EnvMSToken + `[_FILE].
` + dirsync.EnvGoogleURL + ` and ` + dirsync.EnvGraphURL + ` change the services' addresses. Secrets are never printed.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.sub = args[0]
			return runSeatsSync(cmd.Context(), o)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.sf.roster, "roster", "", "organization id: its teachers")
	fl.StringVar(&o.sf.importSource, "import-source", "", "with --roster: only users of this import source (ent, oneroster, sds, …)")
	fl.BoolVar(&o.sf.useSelection, "directory", false, "the users the directory filters pick")
	fl.StringVar(&o.sf.googleOU, "google-ou", "", "Google Workspace organizational unit path")
	fl.StringVar(&o.sf.googleGroup, "google-group", "", "Google Workspace group email")
	fl.StringVar(&o.sf.msGroup, "microsoft-group", "", "Microsoft 365 group id")
	o.sf.selection.register(fl)
	seatFlags(fl, &o.opts, &o.asJSON)
	return cmd
}

func runSeatsSync(ctx context.Context, o *seatsSyncOptions) error {
	f := o.f
	sess, id, err := signedInSub(ctx, f, o.sub)
	if err != nil {
		return err
	}
	src, err := o.sf.source(ctx, f, sess)
	if err != nil {
		return err
	}
	o.opts.Lang = f.Catalog().Lang
	res, err := sess.SyncSeats(ctx, id, src, o.opts, syncProgress(f))
	if err != nil {
		return err
	}
	return reportSeats(f, res, o.opts.DryRun, o.asJSON)
}

// source turns the flags into a sync source; exactly one source must be given.
func (sf *syncFlags) source(ctx context.Context, f *factory, sess *app.Session) (app.SyncSource, error) {
	var srcs []app.SyncSource
	if sf.roster != "" {
		org, ok := model.ParseID(sf.roster)
		if !ok {
			return app.SyncSource{}, flagError("roster", sf.roster)
		}
		srcs = append(srcs, app.SyncSource{Kind: model.SeatRoster, OrgID: org, ImportSource: sf.importSource})
	}
	if sf.useSelection {
		sel, err := sf.selection.selection(ctx, sess)
		if err != nil {
			return app.SyncSource{}, err
		}
		srcs = append(srcs, app.SyncSource{Kind: model.SeatSelection, Selection: sel})
	}
	if sf.googleOU != "" {
		srcs = append(srcs, app.SyncSource{Kind: model.SeatGoogle, OrgUnit: sf.googleOU})
	}
	if sf.googleGroup != "" {
		srcs = append(srcs, app.SyncSource{Kind: model.SeatGoogle, Group: sf.googleGroup})
	}
	if sf.msGroup != "" {
		srcs = append(srcs, app.SyncSource{Kind: model.SeatMicrosoft, Group: sf.msGroup})
	}
	if len(srcs) != 1 {
		return app.SyncSource{}, usageError{errors.New(f.Catalog().CLIUsage.OneSource)}
	}
	return srcs[0], nil
}

// syncProgress prints plain progress lines on stderr, at most two a second, and the stage
// changes: scripts see n found so far, never a redrawn line.
func syncProgress(f *factory) func(app.SyncProgress) {
	var mu sync.Mutex
	var last time.Time
	stage := app.SyncStage(255)
	read := 0
	return func(p app.SyncProgress) {
		mu.Lock()
		defer mu.Unlock()
		cat := f.Catalog()
		switch {
		case p.Stage == app.SyncWriting:
			if read != p.Read || stage != app.SyncReading {
				f.say(cat.Licensing.Sync.Reading, cat.Int(p.Read))
			}
			f.say("%s", cat.Licensing.Sync.Writing)
		case p.Read > 0 && (p.Stage != stage || time.Since(last) >= 500*time.Millisecond):
			f.say(cat.Licensing.Sync.Reading, cat.Int(p.Read))
			last, read = time.Now(), p.Read
		}
		stage = p.Stage
	}
}
