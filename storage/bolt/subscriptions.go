package bolt

import (
	"context"

	"go.etcd.io/bbolt"

	"rollcall/model"
)

// subscriptions are keyed by id, without secondary index.
var subscriptions = &table[model.Subscription]{
	kind:   "subscription",
	bucket: bucketSubscriptions,
	id:     func(s *model.Subscription) *model.ID { return &s.ID },
	encode: jsonEncode[model.Subscription],
	decode: jsonDecode[model.Subscription],
}

// CreateSubscription stores a new subscription and sets sub.ID.
func (s *Store) CreateSubscription(ctx context.Context, sub *model.Subscription) error {
	v := *sub
	err := s.update(ctx, func(tx *bbolt.Tx) error { return subscriptions.create(tx, &v) })
	if err == nil {
		sub.ID = v.ID
	}
	return err
}

// Subscription returns the subscription id (storage.ErrNotFound).
func (s *Store) Subscription(ctx context.Context, id model.ID) (sub model.Subscription, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		sub, err = subscriptions.get(tx, id)
		return err
	})
	return sub, err
}

// ListSubscriptions returns every subscription in id order.
func (s *Store) ListSubscriptions(ctx context.Context) (out []model.Subscription, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		out, err = subscriptions.list(ctx, tx)
		return err
	})
	return out, err
}
