package app

import (
	"strings"

	"rollcall/model"
)

// children names a parent's children still in the directory, each with their classes:
// "Léa Martin (5e A), Tom Martin". Empty for anyone else, or when the store cannot say.
func (m *merger) children(u *model.User) string {
	var parts []string
	for _, id := range u.ChildIDs {
		c, err := m.a.store.User(m.ctx, id)
		if err != nil || c.OrgID != u.OrgID {
			continue
		}
		s := c.FullName()
		if cls := m.classNames(c.ClassIDs); cls != "" {
			s += " (" + cls + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// licences names the products the person holds a seat of, with each seat's product key:
// "Maths+ Collège K7Q4-9ZMD-1XHC-TR2B, Atlas". Empty when none, or when the store cannot say.
func (m *merger) licences(u *model.User) string {
	seats, err := m.a.store.UserSeats(m.ctx, u.ID)
	if err != nil || len(seats) == 0 {
		return ""
	}
	parts := make([]string, 0, len(seats))
	for _, s := range seats {
		name, ok := m.product(s.SubscriptionID)
		if !ok {
			continue
		}
		if s.Key != "" {
			name += " " + s.Key
		}
		parts = append(parts, name)
	}
	return strings.Join(parts, ", ")
}

// product is a subscription's product name, read once per run.
func (m *merger) product(sub model.ID) (string, bool) {
	m.productsMu.Lock()
	defer m.productsMu.Unlock()
	if name, ok := m.products[sub]; ok {
		return name, true
	}
	s, err := m.a.store.Subscription(m.ctx, sub)
	if err != nil {
		return "", false
	}
	m.products[sub] = s.Product
	return s.Product, true
}
