package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"rollcall/app"
	"rollcall/model"
)

// selectionFlags are the directory filters, shared by every command that works on a selection
// (users list, users export, merge pdf, merge email).
type selectionFlags struct {
	profiles, classes, groups, orgs []string
	levels                          []string
	functions                       []string
	activated, email, pending       string
	suspended                       string
	localAdmins                     bool
	from, to, search, sort          string
	filter                          string // a saved filter to start from

	fl *pflag.FlagSet // to tell the flags given from their defaults
}

func (s *selectionFlags) register(fl *pflag.FlagSet) {
	s.fl = fl
	fl.StringVar(&s.filter, "filter", "", "start from this saved filter (rollcall filters list); the other flags given change it")
	fl.StringSliceVar(&s.profiles, "profile", nil, "student, teacher, parent, staff, guest (repeat or comma-separate; default all)")
	fl.StringSliceVar(&s.classes, "class", nil, "class code or id (repeatable); parents are in their children's classes; with several schools, --org says whose")
	fl.StringSliceVar(&s.levels, "level", nil, "class level, such as 6e (repeatable); parents are in their children's levels")
	fl.StringSliceVar(&s.groups, "group", nil, "group code or id (repeatable)")
	fl.StringSliceVar(&s.orgs, "org", nil, "organization id or UAI (repeatable; default: all yours)")
	fl.StringSliceVar(&s.functions, "function", nil, "staff with a function of this family, as the académie or STS-Web writes it: DIR, ENS, EDU, DOC… (repeatable)")
	fl.StringVar(&s.activated, "activated", "all", "all, yes or no")
	fl.StringVar(&s.email, "email", "all", "all, with or without")
	fl.BoolVar(&s.localAdmins, "local-admins", false, "only local admins")
	fl.StringVar(&s.from, "created-from", "", "created on or after this date (YYYY-MM-DD)")
	fl.StringVar(&s.to, "created-to", "", "created on or before this date (YYYY-MM-DD)")
	fl.StringVar(&s.pending, "pending", "exclude", "users pending deletion: exclude, include or only")
	fl.StringVar(&s.suspended, "suspended", "all", "suspended accounts: all, yes (only them) or no (none of them)")
	fl.StringVar(&s.search, "search", "", "words to find in name, login or email")
	fl.StringVar(&s.sort, "sort", "name", "name, profile or class")
}

// selection turns the flags into a model.Selection, resolving class and group codes. With
// --filter it is the saved filter's, each flag given replacing its criterion.
func (s *selectionFlags) selection(ctx context.Context, sess *app.Session) (model.Selection, error) {
	sel, err := s.fromFlags(ctx, sess)
	if err != nil || s.filter == "" {
		return sel, err
	}
	saved, err := sess.SavedFilter(ctx, s.filter)
	if err != nil {
		return sel, err
	}
	out := saved.Selection
	for _, c := range criteria {
		if s.fl != nil && s.fl.Changed(c.flag) {
			c.copy(&out, &sel)
		}
	}
	return out, nil
}

// criteria are the selection flags, each with the part of a selection it sets.
var criteria = []struct {
	flag string
	copy func(dst, src *model.Selection)
}{
	{"profile", func(d, s *model.Selection) { d.Profiles = s.Profiles }},
	{"class", func(d, s *model.Selection) { d.ClassIDs = s.ClassIDs }},
	{"level", func(d, s *model.Selection) { d.Levels = s.Levels }},
	{"group", func(d, s *model.Selection) { d.GroupIDs = s.GroupIDs }},
	{"org", func(d, s *model.Selection) { d.OrgIDs = s.OrgIDs }},
	{"function", func(d, s *model.Selection) { d.Functions = s.Functions }},
	{"activated", func(d, s *model.Selection) { d.Activation = s.Activation }},
	{"email", func(d, s *model.Selection) { d.Email = s.Email }},
	{"local-admins", func(d, s *model.Selection) { d.LocalAdmins = s.LocalAdmins }},
	{"created-from", func(d, s *model.Selection) { d.CreatedFrom = s.CreatedFrom }},
	{"created-to", func(d, s *model.Selection) { d.CreatedTo = s.CreatedTo }},
	{"pending", func(d, s *model.Selection) { d.Pending = s.Pending }},
	{"suspended", func(d, s *model.Selection) { d.Suspended = s.Suspended }},
	{"search", func(d, s *model.Selection) { d.Text = s.Text }},
	{"sort", func(d, s *model.Selection) { d.Sort = s.Sort }},
}

// fromFlags is the selection the flags alone describe.
func (s *selectionFlags) fromFlags(ctx context.Context, sess *app.Session) (model.Selection, error) {
	var sel model.Selection
	for _, p := range splitList(s.profiles) {
		v, ok := model.ParseProfile(p)
		if !ok {
			return sel, flagError("profile", p)
		}
		sel.Profiles = append(sel.Profiles, v)
	}
	for _, o := range splitList(s.orgs) {
		id, err := orgFlag(ctx, sess, o)
		if err != nil {
			return sel, err
		}
		sel.OrgIDs = append(sel.OrgIDs, id)
	}
	for _, fn := range splitList(s.functions) {
		sel.Functions = append(sel.Functions, model.FunctionCode(fn))
	}
	var err error
	if sel.ClassIDs, err = resolveSets(ctx, sess, app.Classes, "class", s.classes, sel.OrgIDs); err != nil {
		return sel, err
	}
	if sel.GroupIDs, err = resolveSets(ctx, sess, app.Groups, "group", s.groups, sel.OrgIDs); err != nil {
		return sel, err
	}
	sel.Levels = splitList(s.levels)
	tri := map[string]model.Tri{"all": model.TriAll, "yes": model.TriYes, "with": model.TriYes, "no": model.TriNo, "without": model.TriNo}
	var ok bool
	if sel.Activation, ok = tri[strings.ToLower(s.activated)]; !ok {
		return sel, flagError("activated", s.activated)
	}
	if sel.Email, ok = tri[strings.ToLower(s.email)]; !ok {
		return sel, flagError("email", s.email)
	}
	if s.suspended == "" {
		s.suspended = "all"
	}
	if sel.Suspended, ok = tri[strings.ToLower(s.suspended)]; !ok {
		return sel, flagError("suspended", s.suspended)
	}
	pending := map[string]model.PendingMode{"exclude": model.PendingExclude, "include": model.PendingInclude, "only": model.PendingOnly}
	if sel.Pending, ok = pending[strings.ToLower(s.pending)]; !ok {
		return sel, flagError("pending", s.pending)
	}
	sorts := map[string]model.SortOrder{"name": model.SortByName, "profile": model.SortByProfile, "class": model.SortByClass}
	if sel.Sort, ok = sorts[strings.ToLower(s.sort)]; !ok {
		return sel, flagError("sort", s.sort)
	}
	if sel.CreatedFrom, err = parseDateFlag("created-from", s.from); err != nil {
		return sel, err
	}
	if sel.CreatedTo, err = parseDateFlag("created-to", s.to); err != nil {
		return sel, err
	}
	sel.LocalAdmins, sel.Text = s.localAdmins, s.search
	return sel, nil
}

// given reports whether any selection flag was given on the command line (--filter included).
func (s *selectionFlags) given() bool {
	if s.fl == nil {
		return false
	}
	if s.fl.Changed("filter") {
		return true
	}
	for _, c := range criteria {
		if c.flag != "sort" && s.fl.Changed(c.flag) {
			return true
		}
	}
	return false
}

// resolveSets finds classes or groups by code or id, in the schools orgs when given (a code is
// unique per school only).
func resolveSets(ctx context.Context, sess *app.Session, set app.Set, flag string, refs []string, orgs []model.ID) ([]model.ID, error) {
	var ids []model.ID
	for _, ref := range splitList(refs) {
		info, err := sess.FindSetIn(ctx, set, ref, orgs)
		if err != nil {
			return nil, fmt.Errorf("--%s %q: %w", flag, ref, err)
		}
		ids = append(ids, info.ID)
	}
	return ids, nil
}

func parseDateFlag(flag, v string) (model.Date, error) {
	if v == "" {
		return model.Date{}, nil
	}
	d, ok := model.ParseDate(v, model.ISODate)
	if !ok {
		return d, &model.ValidationError{Field: "--" + flag, Rule: model.RuleDate, Value: v}
	}
	return d, nil
}

// flagError is a flag value outside the allowed set: invalid input, exit code 3.
func flagError(flag, v string) error {
	return &model.ValidationError{Field: "--" + flag, Rule: model.RuleUnknownValue, Value: v}
}

// splitList accepts repeated flags and comma lists alike, dropping blanks.
func splitList(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}
