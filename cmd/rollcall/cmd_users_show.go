package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
)

// `users show`: one user, with where each field came from, their family, functions, licences
// and the classes the years' turns took them out of.

type usersShowOptions struct {
	f      *factory
	asJSON bool
	user   string
}

func newUsersShowCmd(f *factory) *cobra.Command {
	o := &usersShowOptions{f: f}
	cmd := &cobra.Command{
		Use:   "show LOGIN|ID",
		Short: "Show one user",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.user = args[0]
			return runUsersShow(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON, with where each field came from")
	return cmd
}

func runUsersShow(ctx context.Context, o *usersShowOptions) error {
	f := o.f
	sess, u, err := signedInUser(ctx, f, o.user)
	if err != nil {
		return err
	}
	names, err := loadSetNames(ctx, sess)
	if err != nil {
		return err
	}
	prov, err := sess.UserProvenance(ctx, u.ID)
	if err != nil {
		return err
	}
	held, err := sess.UserSeats(ctx, u.ID)
	if err != nil {
		return err
	}
	rel, err := sess.Relatives(ctx, []model.User{u})
	if err != nil {
		return err
	}
	out := userShowJSON{userJSON: withFamily(names.userJSON(u), u, rel[u.ID]), Provenance: map[string]originJSON{}, ByHand: []string{},
		Licences: []licenceJSON{}, History: toHistoryJSON(u.History)}
	for _, s := range held {
		out.Licences = append(out.Licences, licenceJSON{Subscription: s.SubscriptionID, Product: s.Product, Key: s.Key,
			Source: s.Source.String(), Sync: s.Sync})
	}
	for field, name := range model.FieldNames {
		if o, ok := prov[field]; ok {
			out.Provenance[name] = originJSON{Run: o.Run, File: o.File, Line: o.Line}
		}
		if u.ByHand.Has(field) {
			out.ByHand = append(out.ByHand, name)
		}
	}
	slices.Sort(out.ByHand)
	if o.asJSON {
		return f.printJSON(out)
	}
	cat := f.Catalog()
	printUserTable(f.env.stdout, cat, names, u)
	printFunctions(f.env.stdout, cat, u)
	printProvenance(f.env.stdout, cat, out)
	printFamily(f.env.stdout, cat, names, rel[u.ID])
	printLicences(f.env.stdout, cat, out.Licences)
	printHistory(f.env.stdout, cat, u.History)
	return nil
}

// userShowJSON is a user with the origin of its fields and the licences (seats) they hold.
type userShowJSON struct {
	userJSON
	Provenance map[string]originJSON `json:"provenance"`
	ByHand     []string              `json:"set_by_hand"`
	Licences   []licenceJSON         `json:"licences"`
	History    []yearRecordJSON      `json:"history"` // what the years' turns took them out of, oldest first
}

// licenceJSON is a seat a person holds: the subscription, its product and the product key.
type licenceJSON struct {
	Subscription model.ID `json:"subscription_id"`
	Product      string   `json:"product"`
	Key          string   `json:"key,omitempty"`
	Source       string   `json:"source"`
	Sync         string   `json:"sync,omitempty"`
}

func printFamily(w io.Writer, cat *i18n.Catalog, names setNames, r app.Relatives) {
	for _, part := range []struct {
		title string
		users []model.User
	}{{cat.People.Children, r.Children}, {cat.People.Parents, r.Parents}} {
		if len(part.users) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s\n", part.title)
		for _, x := range part.users {
			line := x.FullName() + " (" + x.Login + ")"
			if c := names.classList(x.ClassIDs); c != "" {
				line += " · " + c
			}
			fmt.Fprintf(w, "  %s\n", model.Printable(line))
		}
	}
}

// printFunctions lists a staff member's functions in words ("DIR: CHEF D'ETABLISSEMENT
// ADJOINT") and a teacher's subjects.
func printFunctions(w io.Writer, cat *i18n.Catalog, u model.User) {
	if len(u.Functions) > 0 {
		fmt.Fprintf(w, "%s\n", cat.Schools.Functions)
		for _, fn := range u.Functions {
			line := model.FunctionCode(fn)
			if label := model.FunctionLabel(fn); label != fn {
				line = cat.Label(line, label)
			}
			fmt.Fprintf(w, "  %s\n", model.Printable(line))
		}
	}
	if len(u.Subjects) > 0 {
		fmt.Fprintf(w, "%s\n", cat.Label(cat.Schools.Subjects, model.Printable(strings.Join(u.Subjects, ", "))))
	}
}

func printLicences(w io.Writer, cat *i18n.Catalog, ls []licenceJSON) {
	if len(ls) == 0 {
		return
	}
	fmt.Fprintf(w, "%s\n", cat.People.Licences)
	for _, l := range ls {
		line := fmt.Sprintf(cat.People.LicenceNoKey, l.Product)
		if l.Key != "" {
			line = fmt.Sprintf(cat.People.Licence, l.Product, l.Key)
		}
		fmt.Fprintf(w, "  %s\n", line)
	}
}

type originJSON struct {
	Run  model.ID `json:"import_run"`
	File string   `json:"file"`
	Line int      `json:"line"`
}

func printProvenance(w io.Writer, cat *i18n.Catalog, u userShowJSON) {
	fields := make([]string, 0, len(u.Provenance))
	for name := range u.Provenance {
		fields = append(fields, name)
	}
	slices.Sort(fields)
	for _, name := range fields {
		o := u.Provenance[name]
		fmt.Fprintf(w, "  %-18s %s\n", cat.FieldName(name), fmt.Sprintf(cat.Users.FromImport, o.Run.String(), fmt.Sprintf(cat.Import.At, o.File, o.Line)))
	}
	for _, name := range u.ByHand {
		fmt.Fprintf(w, "  %-18s %s\n", cat.FieldName(name), cat.Users.ByHand)
	}
}
