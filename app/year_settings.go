package app

import (
	"context"
	"strconv"

	"rollcall/model"
)

// DeletionGrace is how many days a person of this school stays pending deletion before a
// year's turn deletes them.
func (s SchoolSettings) DeletionGrace() int {
	if s.GraceDays == nil {
		return model.DefaultDeletionGraceDays
	}
	return *s.GraceDays
}

// AuditDeletionGrace records a change of a school's deletion grace period.
const AuditDeletionGrace model.AuditAction = "settings.deletion_grace"

// SetDeletionGrace sets how many days people of one of the admin's schools (org 0: their only
// one) stay pending deletion before a year's turn deletes them (0 to model.MaxDeletionGraceDays).
func (s *Session) SetDeletionGrace(ctx context.Context, org model.ID, days int, dryRun bool) (_ model.Organization, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.setDeletionGrace(ctx, admin, org, days, dryRun)
}

func (a *App) setDeletionGrace(ctx context.Context, admin model.Admin, org model.ID, days int, dryRun bool) (model.Organization, error) {
	if days < 0 || days > model.MaxDeletionGraceDays {
		return model.Organization{}, &model.ValidationError{Field: "grace_days", Rule: model.RuleUnknownValue, Value: strconv.Itoa(days)}
	}
	o, s, err := a.schoolSettingsOf(ctx, admin, org)
	if err != nil || dryRun {
		return o, err
	}
	s.GraceDays = &days
	if err := a.saveSchoolSettings(ctx, o.ID, s); err != nil {
		return o, err
	}
	return o, a.audit(ctx, admin, AuditDeletionGrace, strconv.Itoa(days), o.ID)
}
