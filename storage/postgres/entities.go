package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"rollcall/model"
)

// The small entities: JSON records, a few thousand at most.
var (
	admins = &table[model.Admin]{kind: "admin", name: "admins",
		id: func(a *model.Admin) *model.ID { return &a.ID }, encode: jsonEncode[model.Admin], decode: jsonDecode[model.Admin],
		keys: []key[model.Admin]{{col: "email",
			val:   func(a *model.Admin) []byte { return emailKey(a.Email) },
			label: func(a *model.Admin) string { return a.Email }}}}
	orgs = &table[model.Organization]{kind: "organization", name: "orgs",
		id:     func(o *model.Organization) *model.ID { return &o.ID },
		encode: jsonEncode[model.Organization], decode: jsonDecode[model.Organization]}
	classes = &table[model.Class]{kind: "class", name: "classes",
		id: func(c *model.Class) *model.ID { return &c.ID }, encode: jsonEncode[model.Class], decode: jsonDecode[model.Class],
		keys: []key[model.Class]{{col: "code",
			val:   func(c *model.Class) []byte { return orgCodeKey(c.OrgID, c.Code) },
			label: func(c *model.Class) string { return c.Code }}}}
	groups = &table[model.Group]{kind: "group", name: "groups",
		id: func(g *model.Group) *model.ID { return &g.ID }, encode: jsonEncode[model.Group], decode: jsonDecode[model.Group],
		keys: []key[model.Group]{{col: "code",
			val:   func(g *model.Group) []byte { return orgCodeKey(g.OrgID, g.Code) },
			label: func(g *model.Group) string { return g.Code }}}}
	subscriptions = &table[model.Subscription]{kind: "subscription", name: "subscriptions",
		id:     func(s *model.Subscription) *model.ID { return &s.ID },
		encode: jsonEncode[model.Subscription], decode: jsonDecode[model.Subscription]}
	invitations = &table[model.Invitation]{kind: "invitation", name: "invitations",
		id:     func(i *model.Invitation) *model.ID { return &i.ID },
		encode: jsonEncode[model.Invitation], decode: jsonDecode[model.Invitation]}
	imports = &table[model.ImportRun]{kind: "import", name: "imports",
		id:     func(r *model.ImportRun) *model.ID { return &r.ID },
		encode: jsonEncode[model.ImportRun], decode: jsonDecode[model.ImportRun]}
	campaigns = &table[model.Campaign]{kind: "campaign", name: "campaigns",
		id:     func(c *model.Campaign) *model.ID { return &c.ID },
		encode: jsonEncode[model.Campaign], decode: jsonDecode[model.Campaign]}
)

func emailKey(email string) []byte {
	if e := model.NormalizeEmail(email); e != "" {
		return []byte(e)
	}
	return nil
}

// createIn stores a new record in its own transaction and sets its id in *v only on success.
func createIn[T any](ctx context.Context, s *Store, t *table[T], v *T) error {
	c := *v
	err := s.update(ctx, func(tx pgx.Tx) error { return t.create(ctx, tx, &c) })
	if err == nil {
		*t.id(v) = *t.id(&c)
	}
	return err
}

func getIn[T any](ctx context.Context, s *Store, t *table[T], id model.ID) (v T, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		v, err = t.get(ctx, tx, id, false)
		return err
	})
	return v, err
}

func listIn[T any](ctx context.Context, s *Store, t *table[T]) (out []T, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		out, err = t.list(ctx, tx)
		return err
	})
	return out, err
}

func updateIn[T any](ctx context.Context, s *Store, t *table[T], v T) error {
	return s.update(ctx, func(tx pgx.Tx) error { return t.update(ctx, tx, &v) })
}

// CreateAdmin stores a new admin and sets a.ID; the normalized email must be free
// (storage.ErrConflict).
func (s *Store) CreateAdmin(ctx context.Context, a *model.Admin) error {
	return createIn(ctx, s, admins, a)
}

// Admin returns the admin id (storage.ErrNotFound).
func (s *Store) Admin(ctx context.Context, id model.ID) (model.Admin, error) {
	return getIn(ctx, s, admins, id)
}

// AdminByEmail finds an admin by email, compared after model.NormalizeEmail.
func (s *Store) AdminByEmail(ctx context.Context, email string) (a model.Admin, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		a, err = admins.lookup(ctx, tx, 0, emailKey(email), email)
		return err
	})
	return a, err
}

// UpdateAdmin replaces a stored admin (storage.ErrNotFound); a new email must be free.
func (s *Store) UpdateAdmin(ctx context.Context, a model.Admin) error {
	return updateIn(ctx, s, admins, a)
}

// ListAdmins returns every admin in id order.
func (s *Store) ListAdmins(ctx context.Context) ([]model.Admin, error) { return listIn(ctx, s, admins) }

// CreateOrg stores a new organization and sets o.ID.
func (s *Store) CreateOrg(ctx context.Context, o *model.Organization) error {
	return createIn(ctx, s, orgs, o)
}

// Org returns the organization id (storage.ErrNotFound).
func (s *Store) Org(ctx context.Context, id model.ID) (model.Organization, error) {
	return getIn(ctx, s, orgs, id)
}

// UpdateOrg replaces a stored organization (storage.ErrNotFound).
func (s *Store) UpdateOrg(ctx context.Context, o model.Organization) error {
	return updateIn(ctx, s, orgs, o)
}

// ListOrgs returns every organization in id order.
func (s *Store) ListOrgs(ctx context.Context) ([]model.Organization, error) {
	return listIn(ctx, s, orgs)
}

// CreateClass stores a new class and sets c.ID; its code must be free in its organization.
func (s *Store) CreateClass(ctx context.Context, c *model.Class) error {
	return createIn(ctx, s, classes, c)
}

// Class returns the class id (storage.ErrNotFound).
func (s *Store) Class(ctx context.Context, id model.ID) (model.Class, error) {
	return getIn(ctx, s, classes, id)
}

// UpdateClass replaces a stored class; a changed code must be free (storage.ErrConflict).
func (s *Store) UpdateClass(ctx context.Context, c model.Class) error {
	return updateIn(ctx, s, classes, c)
}

// DeleteClass removes a class (storage.ErrNotFound); users keep the id in their ClassIDs.
func (s *Store) DeleteClass(ctx context.Context, id model.ID) error {
	return s.update(ctx, func(tx pgx.Tx) error { return classes.delete(ctx, tx, id) })
}

// ListClasses returns every class in id order.
func (s *Store) ListClasses(ctx context.Context) ([]model.Class, error) {
	return listIn(ctx, s, classes)
}

// CreateGroup stores a new group and sets g.ID; its code must be free in its organization.
func (s *Store) CreateGroup(ctx context.Context, g *model.Group) error {
	return createIn(ctx, s, groups, g)
}

// Group returns the group id (storage.ErrNotFound).
func (s *Store) Group(ctx context.Context, id model.ID) (model.Group, error) {
	return getIn(ctx, s, groups, id)
}

// UpdateGroup replaces a stored group; a changed code must be free (storage.ErrConflict).
func (s *Store) UpdateGroup(ctx context.Context, g model.Group) error {
	return updateIn(ctx, s, groups, g)
}

// DeleteGroup removes a group (storage.ErrNotFound); users keep the id in their GroupIDs.
func (s *Store) DeleteGroup(ctx context.Context, id model.ID) error {
	return s.update(ctx, func(tx pgx.Tx) error { return groups.delete(ctx, tx, id) })
}

// ListGroups returns every group in id order.
func (s *Store) ListGroups(ctx context.Context) ([]model.Group, error) {
	return listIn(ctx, s, groups)
}

// CreateSubscription stores a new subscription and sets sub.ID.
func (s *Store) CreateSubscription(ctx context.Context, sub *model.Subscription) error {
	return createIn(ctx, s, subscriptions, sub)
}

// Subscription returns the subscription id (storage.ErrNotFound).
func (s *Store) Subscription(ctx context.Context, id model.ID) (model.Subscription, error) {
	return getIn(ctx, s, subscriptions, id)
}

// ListSubscriptions returns every subscription in id order.
func (s *Store) ListSubscriptions(ctx context.Context) ([]model.Subscription, error) {
	return listIn(ctx, s, subscriptions)
}
