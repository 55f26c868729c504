package app

import (
	"strings"

	"rollcall/model"
)

// edulibHeader is the textbook platform's template, the same for students and teachers: the
// classes by code, the groups, the login the platform keys accounts on, and the email.
var edulibHeader = []string{"Nom", "Prénom", "Code classe", "Groupe", "Identifiant", "Email"}

// The workbook's sheets, one per template, named as the platform's templates and as Rollcall's
// sheet importer reads a profile from a sheet's name.
const (
	edulibStudents = "Élèves"
	edulibTeachers = "Enseignants"
)

// edulibShape fills the textbook platform's two templates in one workbook: pupils in the
// "Élèves" sheet, teachers in "Enseignants". The platform has no account for parents, staff or
// guests: they are left out (the count says how many were written). Several classes or groups
// share one cell, comma-separated, as the template takes them. Every cell is a string, never a
// formula.
var edulibShape = exportShape{
	prepare: func(x *exportRun) error {
		gs, err := x.app.store.ListGroups(x.ctx)
		if err != nil {
			return err
		}
		groups := make(map[model.ID]string, len(gs))
		for _, g := range gs {
			groups[g.ID] = g.Code
		}
		x.platform = groups
		return nil
	},
	sheets: []string{edulibStudents, edulibTeachers},
	sheet: func(u *model.User) int {
		switch u.Profile {
		case model.Student:
			return 0
		case model.Teacher:
			return 1
		}
		return -1
	},
	header: func(*exportRun) []string { return edulibHeader },
	row: func(dst []string, u *model.User, x *exportRun) []string {
		groups := x.platform.(map[model.ID]string)
		codes := make([]string, 0, len(u.ClassIDs))
		for _, id := range u.ClassIDs {
			codes = append(codes, x.classes[id].Code)
		}
		gs := make([]string, 0, len(u.GroupIDs))
		for _, id := range u.GroupIDs {
			gs = append(gs, groups[id])
		}
		return append(dst, u.LastName, u.FirstName, strings.Join(codes, ", "), strings.Join(gs, ", "), u.Login, u.Email)
	},
}
