package app

import (
	"context"
	"fmt"
	"strings"

	"rollcall/model"
	"rollcall/storage"
)

// MigrateOptions say what a copy between databases takes and whether it writes.
type MigrateOptions struct {
	// Org, when set, names one school of the source, by id or UAI: the copy takes that school
	// and what belongs to it (see schoolCopy) instead of the whole database.
	Org string
	// DryRun counts and checks what would be copied, and that the target can take it, writing
	// nothing.
	DryRun bool
}

// MigrateReport is what a copy did: the digest of each kind of record copied (the source's,
// which the target's matched), and whether anything was written.
type MigrateReport struct {
	Kinds []KindDigest
	// Records is the number of records copied (or that would be), sequences aside.
	Records int
	// OrgID is the school copied; 0 for the whole database.
	OrgID model.ID
	// AlreadyThere is set when the target already held exactly these records: nothing was
	// written, and the copy is checked as done.
	AlreadyThere bool
	DryRun       bool
}

// Migrate copies the records of one store into another, of any kind (a bbolt file into
// PostgreSQL and back), as they are: ids, keys and hashed secrets kept. The target must be empty,
// or already hold exactly what would be copied (then nothing is written: running the same
// migration twice is safe). After writing, the target is read again and each kind's count and
// checksum must equal the source's; otherwise a *model.CopyMismatchError names the kinds that
// differ (Copied set). A target that holds other records is refused with the same error
// (Copied unset), naming what differs, and nothing is written.
func Migrate(ctx context.Context, from, to storage.Store, opts MigrateOptions) (MigrateReport, error) {
	src, ok := from.(storage.Copier)
	if !ok {
		return MigrateReport{}, fmt.Errorf("migrate: %T cannot be copied", from)
	}
	dst, ok := to.(storage.Copier)
	if !ok {
		return MigrateReport{}, fmt.Errorf("migrate: %T cannot be copied into", to)
	}
	var org model.ID
	if opts.Org != "" {
		var err error
		if org, err = findOrg(ctx, from, opts.Org); err != nil {
			return MigrateReport{}, err
		}
	}
	before := newDigest()
	if err := dst.Dump(ctx, before.add); err != nil {
		return MigrateReport{}, fmt.Errorf("read the target: %w", err)
	}
	source := newDigest()
	report := MigrateReport{DryRun: opts.DryRun, OrgID: org}
	if before.records() > 0 || opts.DryRun {
		if err := selectRecords(ctx, src, org, source.add); err != nil {
			return report, fmt.Errorf("read the source: %w", err)
		}
		report.Kinds, report.Records = source.kinds(), source.records()
		if before.records() > 0 {
			if diffs := diff(report.Kinds, before.kinds()); len(diffs) > 0 {
				return report, &model.CopyMismatchError{Diffs: diffs}
			}
			report.AlreadyThere = true
		}
		return report, nil
	}
	err := dst.Load(ctx, func(put func(storage.Record) error) error {
		return selectRecords(ctx, src, org, func(r storage.Record) error {
			if err := source.add(r); err != nil {
				return err
			}
			return put(r)
		})
	})
	if err != nil {
		return report, fmt.Errorf("copy: %w", err)
	}
	report.Kinds, report.Records = source.kinds(), source.records()
	after := newDigest()
	if err := dst.Dump(ctx, after.add); err != nil {
		return report, fmt.Errorf("read the copy back: %w", err)
	}
	if diffs := diff(report.Kinds, after.kinds()); len(diffs) > 0 {
		return report, &model.CopyMismatchError{Diffs: diffs, Copied: true}
	}
	return report, nil
}

// findOrg finds a school of a whole store by id or UAI (any case).
func findOrg(ctx context.Context, st storage.Store, ref string) (model.ID, error) {
	ref = strings.TrimSpace(ref)
	orgs, err := st.ListOrgs(ctx)
	if err != nil {
		return 0, err
	}
	id, byID := model.ParseID(ref)
	uai := model.NormalizeUAI(ref)
	for _, o := range orgs {
		if (byID && o.ID == id) || (uai != "" && strings.EqualFold(o.Code, uai)) {
			return o.ID, nil
		}
	}
	return 0, notFound(model.ThingOrganization, ref)
}

// selectRecords passes fn every record of the copy: the whole store, or one school's records.
func selectRecords(ctx context.Context, src storage.Copier, org model.ID, fn func(storage.Record) error) error {
	if org == 0 {
		return src.Dump(ctx, fn)
	}
	sc := newSchoolCopy(org)
	if err := src.Dump(ctx, func(r storage.Record) error {
		if r, ok := sc.keep(r); ok {
			return fn(r)
		}
		return nil
	}); err != nil {
		return err
	}
	return sc.flush(fn)
}
