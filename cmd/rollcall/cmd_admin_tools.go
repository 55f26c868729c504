package main

import (
	"context"
	"errors"
	"runtime/debug"

	"github.com/spf13/cobra"

	"rollcall/storage"
	pgstore "rollcall/storage/postgres"
)

// demoJSON is the stable --json shape of `rollcall demo`.
type demoJSON struct {
	Loaded        bool           `json:"loaded"`
	DryRun        bool           `json:"dry_run,omitempty"`
	Orgs          int            `json:"organizations"`
	Classes       int            `json:"classes"`
	Groups        int            `json:"groups"`
	Subscriptions int            `json:"subscriptions"`
	Users         int            `json:"users"`
	ByProfile     map[string]int `json:"by_profile"`
	// Claims are the demo's unclaimed claim codes and display serials, to try a claim.
	Claims *demoClaimsJSON `json:"claims,omitempty"`
}

type demoOptions struct {
	f              *factory
	dryRun, asJSON bool
}

func newDemoCmd(f *factory) *cobra.Command {
	o := &demoOptions{f: f}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Load the demo school: two schools, ~1,200 users, classes, groups, subscriptions",
		RunE:  func(cmd *cobra.Command, _ []string) error { return runDemo(cmd.Context(), o) },
	}
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "say whether the demo can be loaded, without loading it")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print what was loaded as JSON")
	return cmd
}

func runDemo(ctx context.Context, o *demoOptions) error {
	f := o.f
	a, err := f.App()
	if err != nil {
		return err
	}
	load := a.LoadDemo
	if o.dryRun {
		load = a.PlanDemo
	}
	sum, err := load(ctx)
	if err != nil {
		return err
	}
	out := demoJSON{Loaded: !o.dryRun, DryRun: o.dryRun, Orgs: sum.Orgs, Classes: sum.Classes, Groups: sum.Groups,
		Subscriptions: sum.Subscriptions, Users: sum.Total(), ByProfile: map[string]int{}}
	for p, n := range sum.Users {
		out.ByProfile[p.String()] = n
	}
	cat := f.Catalog()
	if o.dryRun {
		f.say(cat.CLI.DemoDry, cat.Count(out.Users, cat.Nouns.User), cat.Count(out.Orgs, cat.Nouns.Organization),
			cat.Count(out.Classes, cat.Nouns.Class), cat.Count(out.Subscriptions, cat.Nouns.Subscription))
		if o.asJSON {
			return f.printJSON(out)
		}
		return nil
	}
	if out.Claims, err = demoClaims(ctx, a); err != nil {
		return err
	}
	if o.asJSON {
		return f.printJSON(out)
	}
	f.say(cat.CLI.DemoLoaded, cat.Count(out.Users, cat.Nouns.User), cat.Count(out.Orgs, cat.Nouns.Organization),
		cat.Count(out.Classes, cat.Nouns.Class), cat.Count(out.Subscriptions, cat.Nouns.Subscription))
	printDemoClaims(f, out.Claims)
	return nil
}

func newBackupCmd(f *factory) *cobra.Command {
	return &cobra.Command{
		Use:   "backup FILE|-",
		Short: "Write a consistent copy of the database, even while Rollcall is running",
		Long: `Write a consistent copy of the database to FILE, or to stdout with -, while Rollcall runs.
While rollcall serve holds the database, a backup on the same machine is asked of the server
(through a socket beside the database, the file owner's only). Over SSH, ssh server backup - > FILE
works for an admin of every school in the database.`,
		Example: `  rollcall backup ~/rollcall-$(date +%F).db
  ssh -p 2222 server backup - > rollcall.db`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBackup(cmd.Context(), &backupOptions{f: f, dest: args[0]})
		},
	}
}

// backupOptions: dest is a file, or - for stdout.
type backupOptions struct {
	f    *factory
	dest string
}

func runBackup(ctx context.Context, o *backupOptions) error {
	f, dest := o.f, o.dest
	cat := f.Catalog()
	a, err := f.App()
	if errors.Is(err, storage.ErrLocked) && !pgstore.IsURL(f.dbPath) {
		n, serr := backupFromServer(ctx, f.dbPath, dest, f.env.rawStdout)
		if errors.Is(serr, errNoServer) {
			return err
		} else if serr != nil {
			return serr
		}
		return backupDone(f, dest, n)
	} else if err != nil {
		return err
	}
	if f.session != nil { // over SSH: the copy leaves the server
		s, err := f.Session(ctx)
		if err != nil {
			return err
		}
		if ok, err := s.MayBackUpRemotely(ctx); err != nil {
			return err
		} else if !ok {
			return errors.New(cat.CLI.BackupNotAll)
		}
	}
	var n int64
	if dest == "-" {
		n, err = a.Backup(ctx, f.env.rawStdout)
	} else {
		n, err = a.BackupToFile(ctx, dest)
	}
	if err != nil {
		return err
	}
	return backupDone(f, dest, n)
}

func backupDone(f *factory, dest string, n int64) error {
	cat := f.Catalog()
	if dest == "-" {
		f.say(cat.CLI.BackupStdout, cat.Int(int(n)))
	} else {
		f.say(cat.CLI.BackupWritten, dest, cat.Int(int(n)))
	}
	return nil
}

type versionOptions struct {
	f *factory
}

func newVersionCmd(f *factory) *cobra.Command {
	o := &versionOptions{f: f}
	return &cobra.Command{
		Use:   "version",
		Short: "Print Rollcall's version",
		RunE:  func(cmd *cobra.Command, _ []string) error { return runVersion(cmd.Context(), o) },
	}
}

func runVersion(ctx context.Context, o *versionOptions) error {
	f := o.f
	f.println("rollcall", version())
	return nil
}

// version is the module version, the commit it was built from and the Go release, as
// `rollcall version` and `rollcall --version` print them.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown version)"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v + " " + info.GoVersion
}
