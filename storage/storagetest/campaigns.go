package storagetest

import (
	"errors"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

var campaignTests = []test{
	{"create with pending recipients", testCampaignCreate},
	{"record deliveries keeps counts", testCampaignRecord},
	{"record refuses unknown recipients atomically", testCampaignRecordUnknown},
	{"page through recipients", testCampaignRecipientsPaging},
	{"update keeps id and counts", testCampaignUpdate},
	{"codes recorded with deliveries can be spent", testCampaignCodes},
}

func newCampaign(s storage.Store, t *testing.T, users ...model.ID) model.Campaign {
	t.Helper()
	c := model.Campaign{AdminID: 3, OrgIDs: []model.ID{1}, Language: model.French, RatePerMinute: 60,
		CreatedAt: at(1), UpdatedAt: at(1), State: model.CampaignNew,
		Selection: model.Selection{Profiles: []model.Profile{model.Student}, Email: model.TriYes}}
	must(t, "CreateCampaign", s.CreateCampaign(bg, &c, users))
	return c
}

func testCampaignCreate(t *testing.T, s storage.Store) {
	c := newCampaign(s, t, 9, 4, 7, 4)
	if c.ID == 0 || c.Counts != (model.CampaignCounts{Pending: 3}) {
		t.Fatalf("created %+v: want an id and 3 pending (a repeated user counts once)", c)
	}
	got, err := s.Campaign(bg, c.ID)
	must(t, "Campaign", err)
	same(t, "stored campaign", got, c)
	other := newCampaign(s, t, 1)
	if other.ID == c.ID {
		t.Errorf("two campaigns got id %d", c.ID)
	}
	list, err := s.ListCampaigns(bg)
	must(t, "ListCampaigns", err)
	if len(list) != 2 || list[0].ID != c.ID || list[1].ID != other.ID {
		t.Errorf("ListCampaigns = %+v, want both, oldest first", list)
	}
	rs, err := s.Recipients(bg, c.ID, 0, 10)
	must(t, "Recipients", err)
	if len(rs) != 3 || rs[0].UserID != 4 || rs[1].UserID != 7 || rs[2].UserID != 9 {
		t.Fatalf("recipients %+v, want users 4, 7, 9 in order", rs)
	}
	for _, r := range rs {
		if r.Status != model.DeliveryPending || r.CampaignID != c.ID {
			t.Errorf("recipient %+v: want pending in campaign %d", r, c.ID)
		}
	}
	_, err = s.Campaign(bg, 999)
	isErr(t, "Campaign(unknown)", err, storage.ErrNotFound)
}

func testCampaignRecord(t *testing.T, s storage.Store) {
	c := newCampaign(s, t, 1, 2, 3)
	sending := model.CampaignRecipient{UserID: 1, Status: model.DeliverySending, Email: "a@x.org",
		Variant: model.VariantActivation, Attempts: 1, LastTry: at(2)}
	got, err := s.RecordDeliveries(bg, c.ID, []model.CampaignRecipient{sending}, nil)
	must(t, "RecordDeliveries(sending)", err)
	if got.Counts != (model.CampaignCounts{Pending: 2, Sending: 1}) {
		t.Errorf("counts after one sending: %+v", got.Counts)
	}
	sent := sending
	sent.Status, sent.SentAt = model.DeliverySent, at(2)
	failed := model.CampaignRecipient{UserID: 2, Status: model.DeliveryFailed, Email: "b@x.org", Attempts: 1,
		Code: 550, Reply: "5.1.1 No such user", Phase: "RCPT TO"}
	got, err = s.RecordDeliveries(bg, c.ID, []model.CampaignRecipient{sent, failed}, nil)
	must(t, "RecordDeliveries(sent, failed)", err)
	want := model.CampaignCounts{Pending: 1, Sent: 1, Failed: 1}
	if got.Counts != want {
		t.Errorf("counts %+v, want %+v", got.Counts, want)
	}
	stored, err := s.Campaign(bg, c.ID)
	must(t, "Campaign", err)
	if stored.Counts != want {
		t.Errorf("stored counts %+v, want %+v", stored.Counts, want)
	}
	r, err := s.Recipient(bg, c.ID, 2)
	must(t, "Recipient", err)
	failed.CampaignID = c.ID
	same(t, "failed recipient", r, failed)
	r, err = s.Recipient(bg, c.ID, 1)
	must(t, "Recipient", err)
	sent.CampaignID = c.ID
	same(t, "sent recipient", r, sent)
	_, err = s.Recipient(bg, c.ID, 99)
	isErr(t, "Recipient(not in campaign)", err, storage.ErrNotFound)
	bad := model.CampaignRecipient{UserID: 3, Status: "lost"}
	if _, err := s.RecordDeliveries(bg, c.ID, []model.CampaignRecipient{bad}, nil); err == nil {
		t.Errorf("RecordDeliveries accepted status %q", bad.Status)
	}
}

func testCampaignRecordUnknown(t *testing.T, s storage.Store) {
	c := newCampaign(s, t, 1, 2)
	recs := []model.CampaignRecipient{{UserID: 1, Status: model.DeliverySent}, {UserID: 5, Status: model.DeliverySent}}
	_, err := s.RecordDeliveries(bg, c.ID, recs, nil)
	isErr(t, "RecordDeliveries(a user not in the campaign)", err, storage.ErrNotFound)
	r, err := s.Recipient(bg, c.ID, 1)
	must(t, "Recipient", err)
	if r.Status != model.DeliveryPending {
		t.Errorf("recipient 1 is %s after a failed batch, want pending (all or nothing)", r.Status)
	}
	_, err = s.RecordDeliveries(bg, 42, recs[:1], nil)
	isErr(t, "RecordDeliveries(unknown campaign)", err, storage.ErrNotFound)
}

func testCampaignRecipientsPaging(t *testing.T, s storage.Store) {
	var users []model.ID
	for i := range model.ID(25) {
		users = append(users, 100+i)
	}
	c := newCampaign(s, t, users...)
	other := newCampaign(s, t, 1, 2, 500) // its recipients must not leak into c's pages
	var seen []model.ID
	var after model.ID
	for {
		page, err := s.Recipients(bg, c.ID, after, 10)
		must(t, "Recipients", err)
		if len(page) == 0 {
			break
		}
		for _, r := range page {
			if r.CampaignID != c.ID {
				t.Fatalf("page holds a recipient of campaign %d", r.CampaignID)
			}
			seen = append(seen, r.UserID)
		}
		after = page[len(page)-1].UserID
	}
	same(t, "users walked by pages of 10", seen, users)
	last, err := s.Recipients(bg, other.ID, ^model.ID(0), 10)
	must(t, "Recipients(after the largest id)", err)
	if len(last) != 0 {
		t.Errorf("Recipients after the largest id = %+v", last)
	}
	none, err := s.Recipients(bg, c.ID, 0, 0)
	must(t, "Recipients(limit 0)", err)
	if len(none) != 0 {
		t.Errorf("Recipients with limit 0 = %+v", none)
	}
}

func testCampaignUpdate(t *testing.T, s storage.Store) {
	c := newCampaign(s, t, 1, 2)
	got, err := s.UpdateCampaign(bg, c.ID, func(v *model.Campaign) error {
		v.State = model.CampaignPaused
		v.Pause = &model.CampaignPause{At: at(3), Phase: "connect", Reply: "connection refused", Temporary: true}
		v.ID, v.Counts = 77, model.CampaignCounts{Sent: 40}
		return nil
	})
	must(t, "UpdateCampaign", err)
	if got.ID != c.ID || got.Counts != c.Counts || got.State != model.CampaignPaused || got.Pause == nil {
		t.Fatalf("updated %+v: want state and pause changed, id and counts kept", got)
	}
	stored, err := s.Campaign(bg, c.ID)
	must(t, "Campaign", err)
	same(t, "stored after update", stored, got)
	boom := errors.New("boom")
	_, err = s.UpdateCampaign(bg, c.ID, func(v *model.Campaign) error { v.State = model.CampaignDone; return boom })
	isErr(t, "UpdateCampaign(fn fails)", err, boom)
	stored, err = s.Campaign(bg, c.ID)
	must(t, "Campaign", err)
	if stored.State != model.CampaignPaused {
		t.Errorf("state %s after a failed update, want paused", stored.State)
	}
	_, err = s.UpdateCampaign(bg, 999, func(*model.Campaign) error { return nil })
	isErr(t, "UpdateCampaign(unknown)", err, storage.ErrNotFound)
}

func testCampaignCodes(t *testing.T, s storage.Store) {
	c := newCampaign(s, t, 8)
	code := newCode("reset-hash", model.PurposeResetPassword, 8)
	rec := model.CampaignRecipient{UserID: 8, Status: model.DeliverySending, Variant: model.VariantReset}
	_, err := s.RecordDeliveries(bg, c.ID, []model.CampaignRecipient{rec}, []model.OneTimeCode{code})
	must(t, "RecordDeliveries with a code", err)
	got, err := s.SpendCode(bg, model.PurposeResetPassword, "reset-hash", accept)
	must(t, "SpendCode of a code recorded with a delivery", err)
	if got.SubjectID != 8 {
		t.Errorf("spent code %+v, want subject 8", got)
	}
}
