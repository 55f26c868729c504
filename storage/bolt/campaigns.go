package bolt

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"rollcall/model"
	"rollcall/storage"
)

// Campaigns are JSON by id from NextSequence. Recipients live in bucketRecipients under
// campaign id(8) + user id(8), so one campaign's recipients are one key range in user id
// order; they are JSON too (a send costs an fsync, next to which encoding is nothing).
var campaigns = &table[model.Campaign]{
	kind:   "campaign",
	bucket: bucketCampaigns,
	id:     func(c *model.Campaign) *model.ID { return &c.ID },
	encode: jsonEncode[model.Campaign],
	decode: jsonDecode[model.Campaign],
}

func recipientKey(campaign, user model.ID) []byte {
	k := make([]byte, 16)
	binary.BigEndian.PutUint64(k, uint64(campaign))
	binary.BigEndian.PutUint64(k[8:], uint64(user))
	return k
}

// CreateCampaign stores a campaign and its pending recipients in one transaction.
func (s *Store) CreateCampaign(ctx context.Context, c *model.Campaign, users []model.ID) error {
	users = slices.Compact(slices.Sorted(slices.Values(users)))
	return s.update(ctx, func(tx *bbolt.Tx) error {
		v := *c
		v.Counts = model.CampaignCounts{Pending: len(users)}
		if err := campaigns.create(tx, &v); err != nil {
			return err
		}
		b := tx.Bucket(bucketRecipients)
		b.FillPercent = appendFill // keys grow: a new campaign's range comes after the others
		for _, u := range users {
			r := model.CampaignRecipient{CampaignID: v.ID, UserID: u, Status: model.DeliveryPending}
			raw, err := jsonEncode(&r)
			if err != nil {
				return err
			}
			if err := b.Put(recipientKey(v.ID, u), raw); err != nil {
				return err
			}
		}
		*c = v
		return nil
	})
}

// Campaign returns one campaign.
func (s *Store) Campaign(ctx context.Context, id model.ID) (c model.Campaign, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		c, err = campaigns.get(tx, id)
		return err
	})
	return c, err
}

// ListCampaigns returns every campaign, oldest first.
func (s *Store) ListCampaigns(ctx context.Context) (out []model.Campaign, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		out, err = campaigns.list(ctx, tx)
		return err
	})
	return out, err
}

// UpdateCampaign changes a campaign but its id and counts.
func (s *Store) UpdateCampaign(ctx context.Context, id model.ID, fn func(*model.Campaign) error) (c model.Campaign, err error) {
	err = s.update(ctx, func(tx *bbolt.Tx) error {
		c, err = campaigns.get(tx, id)
		if err != nil {
			return err
		}
		counts := c.Counts
		if err := fn(&c); err != nil {
			return err
		}
		c.ID, c.Counts = id, counts
		return campaigns.put(tx, &c, id)
	})
	return c, err
}

// Recipients returns a page of a campaign's recipients in user id order.
func (s *Store) Recipients(ctx context.Context, campaign, after model.ID, limit int) (out []model.CampaignRecipient, err error) {
	if limit <= 0 {
		return nil, nil
	}
	if after == ^model.ID(0) { // nothing is above, and after+1 would wrap
		return nil, nil
	}
	prefix := itob(campaign)
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketRecipients).Cursor()
		k, raw := c.Seek(recipientKey(campaign, after+1))
		for ; k != nil && len(out) < limit && string(k[:8]) == string(prefix); k, raw = c.Next() {
			r, err := decodeRecipient(k, raw)
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	return out, err
}

// Recipient returns one recipient of a campaign.
func (s *Store) Recipient(ctx context.Context, campaign, user model.ID) (r model.CampaignRecipient, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		k := recipientKey(campaign, user)
		raw := tx.Bucket(bucketRecipients).Get(k)
		if raw == nil {
			return fmt.Errorf("campaign %d recipient %d: %w", campaign, user, storage.ErrNotFound)
		}
		r, err = decodeRecipient(k, raw)
		return err
	})
	return r, err
}

func decodeRecipient(k, raw []byte) (model.CampaignRecipient, error) {
	var r model.CampaignRecipient
	if err := jsonDecode(raw, &r); err != nil {
		return r, fmt.Errorf("campaign recipient %x: %w", k, err)
	}
	r.CampaignID = btoi(k[:8])
	r.UserID = btoi(k[8:])
	return r, nil
}

// RecordDeliveries writes recipients' states and codes and keeps the campaign's counts.
func (s *Store) RecordDeliveries(ctx context.Context, campaign model.ID, recs []model.CampaignRecipient,
	codes []model.OneTimeCode) (c model.Campaign, err error) {
	err = s.update(ctx, func(tx *bbolt.Tx) error {
		c, err = campaigns.get(tx, campaign)
		if err != nil {
			return err
		}
		b := tx.Bucket(bucketRecipients)
		for i := range recs {
			r := recs[i]
			if !r.Status.Valid() {
				return fmt.Errorf("campaign %d recipient %d: unknown status %q", campaign, r.UserID, r.Status)
			}
			k := recipientKey(campaign, r.UserID)
			oldRaw := b.Get(k)
			if oldRaw == nil {
				return fmt.Errorf("campaign %d recipient %d: %w", campaign, r.UserID, storage.ErrNotFound)
			}
			old, err := decodeRecipient(k, oldRaw)
			if err != nil {
				return err
			}
			r.CampaignID = campaign
			raw, err := jsonEncode(&r)
			if err != nil {
				return err
			}
			if err := b.Put(k, raw); err != nil {
				return err
			}
			c.Counts.Add(old.Status, -1)
			c.Counts.Add(r.Status, 1)
		}
		for _, code := range codes {
			if code.Hash == "" || code.Purpose == "" {
				return fmt.Errorf("record deliveries: code with empty hash or purpose")
			}
			raw, err := jsonEncode(&code)
			if err != nil {
				return err
			}
			if err := tx.Bucket(bucketCodes).Put(codeKey(code.Purpose, code.Hash), raw); err != nil {
				return err
			}
		}
		return campaigns.put(tx, &c, campaign)
	})
	return c, err
}
