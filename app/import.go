package app

import (
	"bufio"
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"rollcall/importers"
	"rollcall/importers/table"
	"rollcall/model"
	"rollcall/storage"
)

// Import reads roster files and syncs the directory with them, all or nothing: the files are
// parsed and the whole change is computed first (any invalid row stops it, with every error
// located), then written in one transaction. With opts.DryRun nothing is written and the report
// is the full diff. progress, which may be nil, sees each stage; ctx cancels at any point before
// the write.
//
// A run that the files or the deletion guard stop is kept in the history as failed, with its
// errors, so that they can be read again later (ImportRunErrors); a dry run is never kept.
func (s *Session) Import(ctx context.Context, inputs []importers.Input, opts ImportOptions, progress func(ImportProgress)) (_ ImportReport, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.importFiles(ctx, admin, inputs, opts, progress)
}

func (a *App) importFiles(ctx context.Context, admin model.Admin, inputs []importers.Input, opts ImportOptions, progress func(ImportProgress)) (ImportReport, error) {
	at := &attempt{}
	mem := a.memory.start()
	defer mem.end()
	rep, err := a.importAttempt(ctx, admin, inputs, opts, func(p ImportProgress) {
		mem.observe(p)
		if progress != nil {
			progress(p)
		}
	}, at)
	if err != nil && !opts.DryRun {
		if rerr := a.recordFailure(ctx, admin, inputs, opts, at, err); rerr != nil {
			return ImportReport{}, fmt.Errorf("%w (and keeping it in the history: %v)", err, rerr)
		}
	}
	return rep, err
}

func (a *App) importAttempt(ctx context.Context, admin model.Admin, inputs []importers.Input, opts ImportOptions, progress func(ImportProgress), at *attempt) (ImportReport, error) {
	report := func(pr ImportProgress) {
		if progress != nil {
			progress(pr)
		}
	}
	batch, err := importers.Parse(ctx, inputs, importers.Options{Format: opts.Format, Strict: opts.Strict}, func(pr importers.Progress) {
		report(ImportProgress{Stage: StageParsing, File: pr.File, Rows: pr.Rows})
	})
	if err != nil {
		return ImportReport{}, err
	}
	at.batch = batch
	dir, err := a.snapshot(ctx, admin, opts.OrgID, len(batch.Records))
	if err != nil {
		return ImportReport{}, err
	}
	at.target = dir.target
	if dir.target == 0 && len(batch.Orgs) == 0 && !batch.Delta && !namesOrgs(batch.Records) {
		return ImportReport{}, model.ErrNoOrganization // one-school files, and no school to put them in
	}
	// The activation codes are drawn from a buffer: a read of the random source per new user
	// costs more than making the code.
	p := &planner{opts: opts, source: importSource(opts.Source, batch.Format), batch: batch, now: a.now(),
		random: bufio.NewReaderSize(a.random, 4096), errs: table.NewErrors(100), dir: dir, schools: map[model.ID]SchoolSettings{}}
	for _, o := range dir.orgs {
		if p.schools[o.ID], err = a.schoolSettings(ctx, o.ID); err != nil {
			return ImportReport{}, err
		}
	}
	p.plan(report)
	if err := p.errs.Err(); err != nil {
		return ImportReport{}, err
	}
	if p.tooMany != nil {
		return ImportReport{}, p.tooMany
	}
	if err := ctx.Err(); err != nil {
		return ImportReport{}, err
	}
	p.report.DryRun = opts.DryRun
	p.report.Warnings, p.report.Skipped = batch.Warnings, batch.Skipped
	if opts.DryRun {
		return p.report, nil
	}
	p.release()
	if err := a.hashPasswords(ctx, p, report); err != nil {
		return ImportReport{}, err
	}
	report(ImportProgress{Stage: StageWriting, Total: len(p.out.Users)})
	// Users, classes, new schools and their grant to the admin, the history entry and the audit
	// entry are one transaction: a cancel or a crash leaves all of it or none of it.
	p.out.Import.AdminID = admin.ID
	if len(p.undo.NewOrgs) > 0 {
		p.out.Grant = &storage.Grant{AdminID: admin.ID, OrgIDs: p.undo.NewOrgs}
	}
	run, now := *p.out.Import, a.now()
	p.out.Audit = func(ids map[model.ID]model.ID) []model.AuditEvent {
		return importAudit(admin.ID, model.AuditImport, run, ids, now)
	}
	// A big import's users are not kept beside the write: the store drops them once written
	// and the directory index reads them back when next asked (1.6 s for a million).
	written, out := len(p.out.Users), p.out
	if out.Release = written >= a.releaseAt; out.Release {
		p.out.Users = nil // the store's alone from here: freed once written
	}
	applied, err := a.applyBatch(ctx, out)
	if err != nil {
		return ImportReport{}, fmt.Errorf("import: %w", err)
	}
	p.report.RunID = applied.IDs[p.runID]
	report(ImportProgress{Stage: StageDone, Total: written})
	return p.report, nil
}

// namesOrgs reports whether the records say their school (an AAF feed without its EtabEducNat
// file names the structures an earlier feed defined).
func namesOrgs(recs []importers.Record) bool {
	for i := range recs {
		if recs[i].OrgExternalID != "" {
			return true
		}
	}
	return false
}

// importSource is the source an import's users belong to: what the admin named, else the
// format's family.
func importSource(named string, f importers.Format) string {
	if s := strings.ToLower(strings.TrimSpace(named)); s != "" {
		return s
	}
	return importers.SourceOf(f)
}

// snapshot loads what the planner reads: the admin's organizations, their classes, groups and
// users, and every login in use (room is made for the logins of the records an import brings).
func (a *App) snapshot(ctx context.Context, admin model.Admin, target model.ID, records int) (directorySnapshot, error) {
	n, err := a.store.CountUsers(ctx)
	if err != nil {
		return directorySnapshot{}, err
	}
	d := directorySnapshot{logins: newLoginSet(records), otherCodes: map[string]bool{}}
	switch {
	case target != 0 && !adminOf(admin, target):
		return d, notFound(model.ThingOrganization, target)
	case target != 0:
		d.target = target
	case len(admin.OrgIDs) == 1:
		d.target = admin.OrgIDs[0]
	}
	orgs, err := a.store.ListOrgs(ctx)
	if err != nil {
		return d, err
	}
	for _, o := range orgs {
		if o.Code != "" && !adminOf(admin, o.ID) {
			d.otherCodes[strings.ToUpper(o.Code)] = true
		}
		if adminOf(admin, o.ID) {
			d.orgs = append(d.orgs, o)
		}
	}
	if len(d.orgs) == len(orgs) {
		d.users = make([]model.User, 0, n) // every user is the admin's: growing would copy them again and again
	}
	classes, err := a.store.ListClasses(ctx)
	if err != nil {
		return d, err
	}
	for _, c := range classes {
		if adminOf(admin, c.OrgID) {
			d.classes = append(d.classes, c)
		}
	}
	groups, err := a.store.ListGroups(ctx)
	if err != nil {
		return d, err
	}
	for _, g := range groups {
		if adminOf(admin, g.OrgID) {
			d.groups = append(d.groups, g)
		}
	}
	// Only the admin's users are decoded; of the others (a server for a whole académie), the
	// logins, which new users must not take.
	err = a.store.ForEachUserIn(ctx, admin.OrgIDs, func(u *model.User) error {
		d.users = append(d.users, *u)
		return nil
	}, d.logins.addStored)
	d.logins.sort()
	return d, err
}

// hashPasswords hashes the imported passwords on every core, reporting progress.
func (a *App) hashPasswords(ctx context.Context, p *planner, report func(ImportProgress)) error {
	if len(p.passwords) == 0 {
		return nil
	}
	var done atomic.Int64
	var firstErr error
	var mu sync.Mutex
	jobs := make(chan pendingPassword)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for j := range jobs {
				h, err := hashPassword(a.argon, a.random, j.password)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				p.out.Users[j.user].PasswordHash = h
				mu.Unlock()
				report(ImportProgress{Stage: StageHashing, Hashed: int(done.Add(1)), Total: len(p.passwords)})
			}
		})
	}
	for _, j := range p.passwords {
		if ctx.Err() != nil {
			break
		}
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	return firstErr
}

// releaseAfterWrite is the number of users from which an import lets the store drop them as it
// writes: below it, the directory index is kept up to date row by row, which is cheaper than
// reading the whole directory back.
const releaseAfterWrite = 100_000
