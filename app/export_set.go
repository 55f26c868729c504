package app

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"io"
	"time"

	"github.com/gocarina/gocsv"

	"rollcall/model"
)

// exportSet is a format written as several CSV files in one zip: the roster sets platforms
// import (OneRoster, SDS). One pass over the selection (scanSet) gathers what the files share:
// every user's id in the set, their classes and schools, who is whose parent. Then each file is
// written in turn; the files of users read the users again, so memory holds ids, not users.
type exportSet struct {
	// source is the importer source whose ids the set keeps: a user, class or school that came
	// from that platform is written under the platform's own id, anything else under the id
	// Rollcall mints for it (model.ExportedID), the same in every export.
	source string
	// role is the platform's word for a profile; "" leaves the profile's users out (no
	// platform here has guests).
	role func(model.Profile) string
	// enrol is the role a profile's users have in their classes; "" writes no enrollment.
	enrol func(model.Profile) string
	// parentsNeedChild leaves out parents none of whose children is in the set: the platform
	// knows a parent only through a child (SDS).
	parentsNeedChild bool
	files            []setFile
}

// setFile is one CSV file of a set: its header, and its rows once the selection is scanned.
type setFile struct {
	name   string
	header []string
	// wanted says whether the file is written (a file with nothing to say is left out and its
	// manifest entry says absent); nil: always.
	wanted func(s *setScan) bool
	rows   func(s *setScan, w *rowWriter) error
}

// setScan is what every file of one set export reads.
type setScan struct {
	ctx  context.Context
	app  *App
	set  *exportSet
	now  time.Time
	ids  []model.ID // the users written, in the selection's order
	user map[model.ID]string
	// parents lists, for each child in the set, their parents in the set; children is the
	// other way round.
	parents, children map[model.ID][]model.ID
	classes           []model.Class // the users' classes, in the order first met
	class             map[model.ID]string
	classOrg          map[model.ID]model.ID
	orgs              []model.Organization // the users' and classes' schools, in the order first met
	org               map[model.ID]string
	births, enrolled  int
}

// exportSet writes the selection as the set's files in one zip. It returns how many users
// were written.
func (a *App) exportSet(ctx context.Context, admin model.Admin, sel model.Selection, set *exportSet, w io.Writer) (int, error) {
	ids, err := a.selectUserIDs(ctx, admin, sel)
	if err != nil {
		return 0, err
	}
	s, err := a.scanSet(ctx, set, ids)
	if err != nil {
		return 0, err
	}
	zw := zip.NewWriter(w)
	for _, f := range set.files {
		if f.wanted != nil && !f.wanted(s) {
			continue
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: s.now})
		if err != nil {
			return 0, err
		}
		cw := csv.NewWriter(fw)
		cw.UseCRLF = true // RFC 4180, as both OneRoster and SDS ask
		out := &rowWriter{csv: gocsv.NewSafeCSVWriter(cw)}
		if err := out.Write(f.header); err != nil {
			return 0, err
		}
		if err := f.rows(s, out); err != nil {
			return 0, err
		}
		if err := out.close(); err != nil {
			return 0, err
		}
	}
	return len(s.ids), zw.Close()
}

// scanSet reads the selection once: who is written, under which id, with which classes and
// schools, and who is whose parent.
func (a *App) scanSet(ctx context.Context, set *exportSet, ids []model.ID) (*setScan, error) {
	s := &setScan{ctx: ctx, app: a, set: set, now: a.now(), user: map[model.ID]string{},
		parents: map[model.ID][]model.ID{}, children: map[model.ID][]model.ID{},
		class: map[model.ID]string{}, classOrg: map[model.ID]model.ID{}, org: map[model.ID]string{}}
	classes, err := a.classesByID(ctx)
	if err != nil {
		return nil, err
	}
	kept := ids[:0:0]
	err = s.walk(ids, func(u *model.User) error {
		if set.role(u.Profile) == "" {
			return nil
		}
		kept = append(kept, u.ID)
		s.user[u.ID] = s.ownOr(u.Source, u.ExternalID, model.ExportedUser, u.ID)
		s.addOrg(u.OrgID)
		if !u.BirthDate.IsZero() {
			s.births++
		}
		for _, cid := range u.ClassIDs {
			c, ok := classes[cid]
			if !ok || set.enrol(u.Profile) == "" {
				continue
			}
			s.enrolled++
			if _, seen := s.class[cid]; !seen {
				s.class[cid] = s.ownOr(c.Source, c.ExternalID, model.ExportedClass, cid)
				s.classes = append(s.classes, c)
				s.classOrg[cid] = c.OrgID
				s.addOrg(c.OrgID)
			}
		}
		if u.Profile == model.Parent {
			s.children[u.ID] = u.ChildIDs
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := range s.orgs { // read once the walk is over: it may hold the store
		id := s.orgs[i].ID
		if s.orgs[i], err = a.store.Org(ctx, id); err != nil {
			return nil, err
		}
		s.org[id] = s.ownOr(s.orgs[i].Source, s.orgs[i].ExternalID, model.ExportedOrg, id)
	}
	s.ids = s.linkFamilies(kept)
	return s, nil
}

// linkFamilies keeps the links between parents and children who are both in the set, and
// leaves out the parents the set cannot place when it needs a child to.
func (s *setScan) linkFamilies(ids []model.ID) []model.ID {
	for parent, kids := range s.children {
		var in []model.ID
		for _, k := range kids {
			if _, ok := s.user[k]; ok && k != parent {
				in = append(in, k)
				s.parents[k] = append(s.parents[k], parent)
			}
		}
		s.children[parent] = in
	}
	if !s.set.parentsNeedChild {
		return ids
	}
	kept := ids[:0]
	for _, id := range ids {
		if kids, isParent := s.children[id]; isParent && len(kids) == 0 {
			delete(s.user, id)
			continue
		}
		kept = append(kept, id)
	}
	return kept
}

// ownOr is the id a record is written under: the platform's own when the record came from it,
// else the one Rollcall mints.
func (s *setScan) ownOr(source, ext, kind string, id model.ID) string {
	if source == s.set.source && ext != "" && !isDerived(ext) {
		return ext
	}
	return model.ExportedID(kind, id)
}

// addOrg notes a school the set names, to be read once the users are.
func (s *setScan) addOrg(id model.ID) {
	if _, seen := s.org[id]; !seen && id != 0 {
		s.org[id] = ""
		s.orgs = append(s.orgs, model.Organization{ID: id})
	}
}

// eachUser calls fn for every user written, checking for cancellation.
func (s *setScan) eachUser(fn func(u *model.User) error) error { return s.walk(s.ids, fn) }

// walk calls fn for each of the users ids lists. A set's rows need no order, so when they are
// many (a quarter of the directory or more) one walk of the store in id order reads them, which
// costs far less than a look-up each; fn must then not call the store, and must copy the user
// to keep it.
func (s *setScan) walk(ids []model.ID, fn func(u *model.User) error) error {
	if total, err := s.app.store.CountUsers(s.ctx); err == nil && len(ids) >= total/4 {
		in := make(map[model.ID]struct{}, len(ids))
		for _, id := range ids {
			in[id] = struct{}{}
		}
		return s.app.store.ForEachUser(s.ctx, func(u *model.User) error {
			if _, ok := in[u.ID]; !ok {
				return nil
			}
			return fn(u)
		})
	}
	for i, id := range ids {
		if i%exportBatch == 0 && s.ctx.Err() != nil {
			return s.ctx.Err()
		}
		u, err := s.app.store.User(s.ctx, id)
		if err != nil {
			return err
		}
		if err := fn(&u); err != nil {
			return err
		}
	}
	return nil
}

// agents are the ids of a user's parents, or of a parent's children, in the set.
func (s *setScan) agents(u *model.User) []string {
	linked := s.parents[u.ID]
	if u.Profile == model.Parent {
		linked = s.children[u.ID]
	}
	out := make([]string, len(linked))
	for i, id := range linked {
		out[i] = s.user[id]
	}
	return out
}

// schoolYear is the school year the export is made in (September to August): its first and
// last day, and the calendar year it ends in, which OneRoster calls the school year.
func (s *setScan) schoolYear() (start, end model.Date, year int) {
	y := s.now.Year()
	if s.now.Month() < time.August {
		y--
	}
	start, _ = model.NewDate(y, 9, 1)
	end, _ = model.NewDate(y+1, 8, 31)
	return start, end, y + 1
}
