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

func newDemoCmd(f *factory) *cobra.Command {
	var dryRun, asJSON bool
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Load the demo school: two schools, ~1,200 users, classes, groups, subscriptions",
		RunE: func(cmd *cobra.Command, _ []string) error {
			a, err := f.App()
			if err != nil {
				return err
			}
			load := a.LoadDemo
			if dryRun {
				load = a.PlanDemo
			}
			sum, err := load(cmd.Context())
			if err != nil {
				return err
			}
			out := demoJSON{Loaded: !dryRun, DryRun: dryRun, Orgs: sum.Orgs, Classes: sum.Classes, Groups: sum.Groups,
				Subscriptions: sum.Subscriptions, Users: sum.Total(), ByProfile: map[string]int{}}
			for p, n := range sum.Users {
				out.ByProfile[p.String()] = n
			}
			cat := f.Catalog()
			if dryRun {
				f.say(cat.CLI.DemoDry, cat.Count(out.Users, cat.Nouns.User), cat.Count(out.Orgs, cat.Nouns.Organization),
					cat.Count(out.Classes, cat.Nouns.Class), cat.Count(out.Subscriptions, cat.Nouns.Subscription))
				if asJSON {
					return f.printJSON(out)
				}
				return nil
			}
			if out.Claims, err = demoClaims(cmd.Context(), a); err != nil {
				return err
			}
			if asJSON {
				return f.printJSON(out)
			}
			f.say(cat.CLI.DemoLoaded, cat.Count(out.Users, cat.Nouns.User), cat.Count(out.Orgs, cat.Nouns.Organization),
				cat.Count(out.Classes, cat.Nouns.Class), cat.Count(out.Subscriptions, cat.Nouns.Subscription))
			printDemoClaims(f, out.Claims)
			return nil
		},
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "say whether the demo can be loaded, without loading it")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print what was loaded as JSON")
	return cmd
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
		RunE: func(cmd *cobra.Command, args []string) error { return runBackup(cmd.Context(), f, args[0]) },
	}
}

func runBackup(ctx context.Context, f *factory, dest string) error {
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

func newVersionCmd(f *factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print Rollcall's version",
		RunE: func(cmd *cobra.Command, _ []string) error {
			cmd.Println("rollcall", version())
			return nil
		},
	}
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
