package app

import (
	"context"
	"fmt"

	"rollcall/model"
	"rollcall/storage"
)

// planYearDeletions reads what deleting the plan's people frees and what undoing it needs:
// their seats and provenance.
func (a *App) planYearDeletions(ctx context.Context, p *YearClosePlan) error {
	p.undoData.DeletedProvenance = map[model.ID]model.Provenance{}
	for _, u := range p.undoData.Deleted {
		seats, err := a.store.UserSeats(ctx, u.ID)
		if err != nil {
			return err
		}
		prov, err := a.store.Provenance(ctx, u.ID)
		if err != nil {
			return err
		}
		if len(prov) > 0 {
			p.undoData.DeletedProvenance[u.ID] = prov
		}
		p.undoData.DeletedSeats = append(p.undoData.DeletedSeats, seats...)
		p.Deleted = append(p.Deleted, YearDeletion{UserID: u.ID, Login: u.Login, Name: u.FullName(),
			Profile: u.Profile, PendingSince: u.PendingSince, Seats: len(seats)})
		p.Summary.SeatsFreed += len(seats)
	}
	p.Summary.Deleted = len(p.Deleted)
	return nil
}

// yearRunID is the temporary id of the run a year's turn records.
var yearRunID = model.TempID(1)

// finish counts the plan and builds the one batch that writes it, with its run, what undoing
// it needs and its audit entry.
func (p *YearClosePlan) finish(admin model.Admin, sc yearScope, ch yearChanges) {
	for _, l := range p.Leavers {
		if len(l.Classes)+len(l.Groups) > 0 {
			p.Summary.LeftClasses++
		}
		if l.CodeVoided {
			p.Summary.CodesVoided++
		}
	}
	p.Summary.ClassesChanged = len(p.Classes)
	for i := range ch.after {
		ch.after[i].UpdatedAt = sc.now
	}
	var classes []model.Class
	for _, c := range p.Classes {
		before := sc.classes[c.ClassID]
		after := before
		after.Code, after.Name = c.NewCode, c.NewName
		if c.Archived {
			after.ArchivedYear = p.Summary.Year
		}
		p.undoData.ClassesBefore = append(p.undoData.ClassesBefore, before)
		classes = append(classes, after)
	}
	summary := p.Summary
	p.run = model.ImportRun{ID: yearRunID, Kind: model.RunYearClose, At: sc.now, AdminID: admin.ID,
		Source: "year", OrgIDs: []model.ID{sc.org.ID}, YearClose: &summary}
	p.undoData.RunID, p.undoData.Before, p.undoData.WrittenAt = yearRunID, ch.before, sc.now
	deleted := make([]model.ID, len(p.undoData.Deleted))
	for i, u := range p.undoData.Deleted {
		deleted[i] = u.ID
	}
	undo, run := p.undoData, p.run
	p.batch = storage.Batch{Users: ch.after, Classes: classes, DeleteUsers: deleted, Import: &run, Undo: &undo,
		Audit: func(ids map[model.ID]model.ID) []model.AuditEvent {
			return []model.AuditEvent{{At: sc.now, AdminID: admin.ID, Action: model.AuditYearClose, OrgID: sc.org.ID,
				SubjectID: ids[yearRunID], Detail: yearDetail(summary)}}
		}}
}

// yearDetail is the audit log's short account of a year's turn.
func yearDetail(s model.YearCloseSummary) string {
	return fmt.Sprintf("%s: %d left classes, %d classes %s, %d deleted, %d seats freed, %d codes voided",
		s.Year, s.LeftClasses, s.ClassesChanged, s.Classes, s.Deleted, s.SeatsFreed, s.CodesVoided)
}
