package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/storage"
	boltstore "rollcall/storage/bolt"
	pgstore "rollcall/storage/postgres"
)

// migrateOptions are the flags of `rollcall migrate`.
type migrateOptions struct {
	f              *factory
	from, to, org  string
	dryRun, asJSON bool
}

// migrateJSON is the stable --json shape of `rollcall migrate`.
type migrateJSON struct {
	From         string           `json:"from"`
	To           string           `json:"to"`
	OrgID        uint64           `json:"org_id,omitempty"`
	DryRun       bool             `json:"dry_run"`
	AlreadyThere bool             `json:"already_there"`
	Verified     bool             `json:"verified"`
	Records      int              `json:"records"`
	Kinds        []app.KindDigest `json:"kinds"`
}

func newMigrateCmd(f *factory) *cobra.Command {
	o := &migrateOptions{f: f}
	cmd := &cobra.Command{
		Use:   "migrate --from DB --to DB [--org ID|UAI] [--dry-run] [--json]",
		Short: "Copy a database into another (a bbolt file into PostgreSQL and back), whole or one school, checked",
		Long: `Copy every record of one database into another, empty one: a bbolt file into a PostgreSQL
database, or back, as they are (ids, hashed passwords, codes and sessions kept hashed). With --org,
one school and what belongs to it. The copy is then read back: each kind of record must have the
same count and checksum as the source, or the command fails naming what differs (exit 7). A target
that already holds exactly these records is left as it is (exit 0); one holding anything else is
refused (exit 5). The one of --from and --to left out is --db or $ROLLCALL_DB; a password is never
taken from the command line (~/.pgpass, $PGPASSWORD, or the whole URL in $ROLLCALL_DB).`,
		Example: `  rollcall migrate --from rollcall.db --to 'postgres://rollcall@db.example.fr/rollcall?sslmode=verify-full'
  ROLLCALL_DB=postgres://rollcall@db/rollcall rollcall migrate --to ecole.db --org 0690001A --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runMigrate(cmd.Context(), o) },
	}
	fl := cmd.Flags()
	fl.StringVar(&o.from, "from", "", "the database to copy: a bbolt file or a postgres:// URL (default: --db)")
	fl.StringVar(&o.to, "to", "", "the empty database to copy into: a bbolt file or a postgres:// URL (default: --db)")
	fl.StringVar(&o.org, "org", "", "copy only this school (its id or UAI) and what belongs to it")
	fl.BoolVar(&o.dryRun, "dry-run", false, "count and check what would be copied, writing nothing")
	fl.BoolVar(&o.asJSON, "json", false, "print the count and checksum of each kind of record as JSON")
	return cmd
}

func runMigrate(ctx context.Context, o *migrateOptions) error {
	f := o.f
	cat := f.Catalog()
	for _, flag := range []struct{ name, value string }{{"--from", o.from}, {"--to", o.to}} {
		if pgstore.IsURL(flag.value) && pgstore.HasPassword(flag.value) {
			return usageError{fmt.Errorf(cat.Migrate.PasswordInURL, flag.name)}
		}
	}
	db := f.dbPath
	if db == "" {
		db = defaultDBPath(f.env.getenv)
	}
	switch {
	case o.from == "" && o.to == "":
		return usageError{errors.New(cat.Migrate.NoTarget)}
	case o.from == "":
		o.from = db
	case o.to == "":
		o.to = db
	}
	if sameDatabase(o.from, o.to) {
		return usageError{errors.New(cat.Migrate.SameDatabase)}
	}
	if !pgstore.IsURL(o.from) {
		if _, err := os.Stat(o.from); err != nil {
			return err // no such file: nothing is created in its place
		}
	}
	from, err := openStore(ctx, o.from)
	if err != nil {
		return err
	}
	defer from.Close()
	to, done, err := openTarget(ctx, o.to, o.dryRun)
	if err != nil {
		return err
	}
	defer done()
	rep, err := app.Migrate(ctx, from, to, app.MigrateOptions{Org: o.org, DryRun: o.dryRun})
	if err != nil {
		return err
	}
	out := migrateJSON{From: redactDB(o.from), To: redactDB(o.to), OrgID: uint64(rep.OrgID), DryRun: rep.DryRun,
		AlreadyThere: rep.AlreadyThere, Verified: !rep.DryRun, Records: rep.Records, Kinds: rep.Kinds}
	if o.asJSON {
		if err := f.printJSON(out); err != nil {
			return err
		}
	} else {
		for _, k := range rep.Kinds {
			if k.Count == 0 {
				continue
			}
			fmt.Fprintf(f.env.stdout, "%-20s %10d  %s\n", k.Kind, k.Count, k.Checksum)
		}
	}
	records := cat.Count(rep.Records, cat.Migrate.Records)
	switch {
	case rep.DryRun:
		f.say(cat.Migrate.DryRun, records, out.From, out.To)
	case rep.AlreadyThere:
		f.say(cat.Migrate.AlreadyThere, out.To, records)
	default:
		kinds := 0
		for _, k := range rep.Kinds {
			if k.Count > 0 && k.Kind != storage.KindSequences {
				kinds++
			}
		}
		f.say(cat.Migrate.Copied, records, cat.Count(kinds, cat.Migrate.Kinds), out.From, out.To)
	}
	return nil
}

// openTarget opens the database to copy into. A dry run never creates a bbolt file: a file that
// does not exist yet is an empty store, opened in a temporary folder removed afterwards.
func openTarget(ctx context.Context, db string, dryRun bool) (storage.Store, func(), error) {
	if dryRun && !pgstore.IsURL(db) {
		if _, err := os.Stat(db); errors.Is(err, os.ErrNotExist) {
			dir, err := os.MkdirTemp("", "rollcall-migrate-")
			if err != nil {
				return nil, nil, err
			}
			st, err := boltstore.Open(filepath.Join(dir, "empty.db"), boltstore.Options{})
			if err != nil {
				os.RemoveAll(dir)
				return nil, nil, err
			}
			return st, func() { st.Close(); os.RemoveAll(dir) }, nil
		}
	}
	st, err := openStore(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	return st, func() { st.Close() }, nil
}

// sameDatabase reports whether two --from/--to values name one database.
func sameDatabase(a, b string) bool {
	if pgstore.IsURL(a) || pgstore.IsURL(b) {
		return a == b
	}
	x, err1 := filepath.Abs(a)
	y, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && x == y
}

// redactDB is a database as messages show it: a URL without its password.
func redactDB(db string) string {
	if pgstore.IsURL(db) {
		return pgstore.Redact(db)
	}
	return db
}
