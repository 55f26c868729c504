package app

import (
	"strings"

	"rollcall/importers"
	"rollcall/model"
)

// indexDirectory builds the lookup maps of the snapshot. Only users without a source, or of
// this import's source, can be matched: a user another sync owns is never taken over. The maps of
// weaker keys wait for a row that needs them (weakKeys): a re-sync finds everyone by their id.
func (p *planner) indexDirectory() {
	d := &p.dir
	d.byExt = make(map[string]int, len(d.users))
	for i := range d.users {
		if u := &d.users[i]; u.ExternalID != "" && u.Source == p.source {
			d.byExt[u.ExternalID] = i
		}
	}
	for _, c := range d.classes {
		p.classCode[c.ID] = c.Code
	}
	for _, g := range d.groups {
		p.groupCode[g.ID] = g.Code
	}
}

// weakKeys builds, once, the maps match finds people by when their id did not: login, email,
// names.
func (p *planner) weakKeys() {
	d := &p.dir
	if d.byLogin != nil {
		return
	}
	d.byLogin, d.byEmail, d.byName = map[string]int{}, map[string][]int{}, map[string][]int{}
	for i := range d.users {
		u := &d.users[i]
		if p.batch.FromRollcall && u.Login != "" {
			d.byLogin[strings.ToLower(u.Login)] = i // Rollcall's export: its logins are Rollcall's, whatever the source
		}
		if u.Source != "" && u.Source != p.source {
			continue
		}
		if u.Login != "" {
			d.byLogin[strings.ToLower(u.Login)] = i
		}
		if u.Email != "" {
			d.byEmail[u.Email] = append(d.byEmail[u.Email], i)
		}
		k := nameKey(u.LastName, u.FirstName, u.BirthDate, u.Profile)
		d.byName[k] = append(d.byName[k], i)
	}
}

// nameKey is the last-resort identity: names and birth date, or names and profile when the
// birth date is unknown (a parent and a pupil may share a name).
func nameKey(last, first string, birth model.Date, profile model.Profile) string {
	if birth.IsZero() {
		return fold(last) + "\x00" + fold(first) + "\x00" + profile.String()
	}
	return fold(last) + "\x00" + fold(first) + "\x00" + birth.String()
}

// resolveOrgs matches each organization a set defines to one of the admin's, by the source's id
// then by official code, and plans the others.
func (p *planner) resolveOrgs() {
	for _, def := range p.batch.Orgs {
		if _, done := p.orgOf[def.ExternalID]; done {
			continue
		}
		if id, ok := p.findOrg(def); ok {
			p.orgOf[def.ExternalID] = id
			p.adoptOrg(id, def)
			continue
		}
		if p.opts.Mode == ModeUpdate {
			continue // updating creates nothing: the people of a school the store lacks are skipped
		}
		if def.Code != "" && p.dir.otherCodes[strings.ToUpper(def.Code)] {
			where := importers.Location{}
			if len(p.batch.Files) > 0 {
				where.File = p.batch.Files[0].Name
			}
			p.rowError(where, "UAI", def.Code, model.RuleUAITaken, "")
			continue
		}
		org := model.Organization{ID: p.newTemp(), Name: def.Name, Code: def.Code, Source: p.source,
			ExternalID: def.ExternalID, CreatedAt: p.now}
		if org.Name == "" {
			org.Name = def.ExternalID
		}
		p.out.Orgs = append(p.out.Orgs, org)
		p.undo.NewOrgs = append(p.undo.NewOrgs, org.ID)
		p.report.Counts.OrgsCreated++
		p.report.NewOrgs = append(p.report.NewOrgs, org.Name)
		p.orgOf[def.ExternalID] = org.ID
	}
}

// adoptOrg remembers the source's id of a school matched by its code that no source fed yet (a
// school the admin created by hand with its UAI), so that later deltas naming the school only
// by that id (an AAF structure) find it too.
func (p *planner) adoptOrg(id model.ID, def importers.OrgDef) {
	if def.ExternalID == "" {
		return
	}
	for _, o := range p.dir.orgs {
		if o.ID == id && o.ExternalID == "" && o.Source == "" {
			o.Source, o.ExternalID = p.source, def.ExternalID
			p.out.Orgs = append(p.out.Orgs, o)
			return
		}
	}
}

func (p *planner) findOrg(def importers.OrgDef) (model.ID, bool) {
	mine, minted := model.ExportedIDOf(model.ExportedOrg, def.ExternalID) // a set Rollcall exported
	for _, o := range p.dir.orgs {
		if o.Source == p.source && o.ExternalID != "" && o.ExternalID == def.ExternalID || minted && o.ID == mine {
			return o.ID, true
		}
	}
	for _, o := range p.dir.orgs {
		if def.Code != "" && strings.EqualFold(o.Code, def.Code) {
			return o.ID, true
		}
	}
	return 0, false
}

// orgByExt finds the organization a source's id names: one the files define, else one an
// earlier import of this source created (an AAF delta names schools its full feed defined).
func (p *planner) orgByExt(ext string) (model.ID, bool) {
	if id, ok := p.orgOf[ext]; ok {
		return id, true
	}
	if id, ok := p.findOrg(importers.OrgDef{ExternalID: ext}); ok {
		p.orgOf[ext] = id
		return id, true
	}
	return 0, false
}

// recordOrg is the organization of a record: the one its row names, the set's only one, or
// the import's target.
func (p *planner) recordOrg(rec *importers.Record) model.ID {
	if rec.OrgExternalID != "" {
		if id, ok := p.orgByExt(rec.OrgExternalID); ok {
			return id
		}
	}
	if len(p.batch.Orgs) == 1 {
		return p.orgOf[p.batch.Orgs[0].ExternalID]
	}
	return p.dir.target
}

// resolveClasses matches the classes the files define to existing ones (by the source's id,
// then by code, then by name, ignoring case and accents) and plans the others when the import
// may create classes.
func (p *planner) resolveClasses() {
	for _, def := range p.batch.Classes {
		org := p.dir.target
		if def.OrgExternalID != "" {
			if id, ok := p.orgByExt(def.OrgExternalID); ok {
				org = id
			}
		} else if len(p.batch.Orgs) == 1 {
			org = p.orgOf[p.batch.Orgs[0].ExternalID]
		}
		if org == 0 {
			continue // reported for the records that use it
		}
		p.classID(org, def)
	}
}

// classID returns the class of an organization with the definition's code, planning it if new
// and allowed; 0 when it is neither there nor to be created.
func (p *planner) classID(org model.ID, def importers.ClassDef) model.ID {
	if def.Local != "" { // a feed-wide key ("43$6A"): the school knows the class as 6A
		def.Code = def.Local
	}
	key := setKey{org, fold(def.Code)}
	if id, ok := p.classOf[key]; ok {
		return id
	}
	if id, ok := p.existingClass(org, def, key.code); ok {
		p.classOf[key] = id
		return id
	}
	if !p.createsSets() {
		return 0
	}
	name := def.Name
	if name == "" {
		name = def.Code
	}
	c := model.Class{ID: p.newTemp(), OrgID: org, Code: model.CleanName(def.Code), Name: model.CleanName(name),
		Level: def.Level, Source: p.source, ExternalID: def.ExternalID, CreatedAt: p.now}
	p.out.Classes = append(p.out.Classes, c)
	p.undo.NewClasses = append(p.undo.NewClasses, c.ID)
	p.report.Counts.ClassesCreated++
	p.report.NewClasses = append(p.report.NewClasses, c.Name)
	p.classOf[key], p.classCode[c.ID] = c.ID, c.Code
	return c.ID
}

// existingClass finds an organization's class by the source's id, then by code, then by name
// (Rollcall's export and many files name classes: "6e A" is the class whose code is "6A").
func (p *planner) existingClass(org model.ID, def importers.ClassDef, code string) (model.ID, bool) {
	mine, minted := model.ExportedIDOf(model.ExportedClass, def.ExternalID) // a set Rollcall exported
	for pass := range 3 {
		for _, c := range p.dir.classes {
			if c.OrgID != org {
				continue
			}
			switch {
			case pass == 0 && def.ExternalID != "" && c.Source == p.source && c.ExternalID == def.ExternalID,
				pass == 0 && minted && c.ID == mine,
				pass == 1 && fold(c.Code) == code,
				pass == 2 && fold(c.Name) == code:
				return c.ID, true
			}
		}
	}
	return 0, false
}

// recordClasses resolves a record's class codes within its organization; a code the school does
// not have, when the import may not create classes, is an error listing those it has.
func (p *planner) recordClasses(rec *importers.Record, org model.ID) []model.ID {
	var ids []model.ID
	if p.classDefs == nil {
		p.classOfRaw = map[setKey]model.ID{}
		p.classDefs = make(map[string]importers.ClassDef, len(p.batch.Classes))
		for _, d := range p.batch.Classes {
			if _, dup := p.classDefs[d.Code]; !dup {
				p.classDefs[d.Code] = d
			}
		}
	}
	for _, code := range rec.Classes {
		if id, ok := p.classOfRaw[setKey{org, code}]; ok {
			ids = appendUnique(ids, id) // a code seen on an earlier row of this school: no folding again
			continue
		}
		def, ok := p.classDefs[code]
		if !ok {
			def = importers.ClassDef{Code: code}
		}
		classOrg := org
		if def.OrgExternalID != "" {
			if id, ok := p.orgByExt(def.OrgExternalID); ok {
				classOrg = id
			}
		}
		id := p.classID(classOrg, def)
		if id == 0 {
			p.errs.Add(p.cellError(rec.Where, colClasses, "class", code, RuleNoSuchClass, p.knownCodes(classOrg, false)))
			continue
		}
		p.classOfRaw[setKey{org, code}] = id
		ids = appendUnique(ids, id)
	}
	return ids
}

// recordGroups resolves group codes within the organization, planning new groups when allowed.
func (p *planner) recordGroups(rec *importers.Record, org model.ID) []model.ID {
	var ids []model.ID
	for _, code := range rec.Groups {
		key := setKey{org, fold(code)}
		id, ok := p.groupOf[key]
		for pass := 0; !ok && pass < 2; pass++ {
			for _, g := range p.dir.groups {
				if g.OrgID == org && fold([]string{g.Code, g.Name}[pass]) == key.code {
					id, ok = g.ID, true
					break
				}
			}
		}
		if !ok && !p.createsSets() {
			p.errs.Add(p.cellError(rec.Where, colGroups, "group", code, RuleNoSuchGroup, p.knownCodes(org, true)))
			continue
		}
		if !ok {
			g := model.Group{ID: p.newTemp(), OrgID: org, Code: model.CleanName(code), Name: model.CleanName(code),
				Source: p.source, CreatedAt: p.now}
			p.out.Groups = append(p.out.Groups, g)
			p.undo.NewGroups = append(p.undo.NewGroups, g.ID)
			p.report.Counts.GroupsCreated++
			p.report.NewGroups = append(p.report.NewGroups, g.Name)
			id = g.ID
			p.groupCode[id] = g.Code
		}
		p.groupOf[key] = id
		ids = appendUnique(ids, id)
	}
	return ids
}
