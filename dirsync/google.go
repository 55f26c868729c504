package dirsync

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"rollcall/model"
)

// GoogleClient reads a Google Workspace directory through the Admin SDK Directory API
// (https://developers.google.com/admin-sdk/directory/reference/rest).
type GoogleClient struct {
	// BaseURL is the API's root, "https://admin.googleapis.com" unless a test says otherwise.
	BaseURL string
	// Customer is the account to read, "my_customer" (the admin's own) by default.
	Customer string
	// HTTP sends the requests with the credentials (an oauth2 client).
	HTTP *http.Client
}

// DefaultGoogleURL is the Admin SDK's root.
const DefaultGoogleURL = "https://admin.googleapis.com"

// googleUsersPage is one page of users.list.
type googleUsersPage struct {
	Users []struct {
		PrimaryEmail string `json:"primaryEmail"`
		Suspended    bool   `json:"suspended"`
		Archived     bool   `json:"archived"`
	} `json:"users"`
	NextPageToken string `json:"nextPageToken"`
}

// googleMembersPage is one page of members.list.
type googleMembersPage struct {
	Members []struct {
		Email  string `json:"email"`
		Type   string `json:"type"`   // USER, GROUP, CUSTOMER, EXTERNAL
		Status string `json:"status"` // ACTIVE, SUSPENDED, …
	} `json:"members"`
	NextPageToken string `json:"nextPageToken"`
}

// OrgUnitEmails returns the primary emails of the active users of an organizational unit and
// of the units below it ("/Teachers"), normalized, in the directory's order.
func (g *GoogleClient) OrgUnitEmails(ctx context.Context, path string, progress Progress) ([]string, error) {
	path = strings.TrimSpace(path)
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	q := url.Values{}
	q.Set("customer", g.customer())
	q.Set("query", "orgUnitPath='"+strings.ReplaceAll(path, "'", `\'`)+"'")
	q.Set("maxResults", "500")
	q.Set("projection", "basic")
	q.Set("fields", "nextPageToken,users(primaryEmail,suspended,archived)")
	var out []string
	err := g.pages(ctx, func(token string) (string, error) {
		var page googleUsersPage
		if err := getJSON(ctx, g.HTTP, Google, g.url("/admin/directory/v1/users", q, token), &page); err != nil {
			return "", err
		}
		for _, u := range page.Users {
			if !u.Suspended && !u.Archived {
				out = appendEmail(out, u.PrimaryEmail)
			}
		}
		report(progress, len(out))
		return page.NextPageToken, nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// GroupEmails returns the emails of a group's user members, including those of nested groups
// (includeDerivedMembership), suspended members left out.
func (g *GoogleClient) GroupEmails(ctx context.Context, group string, progress Progress) ([]string, error) {
	group = strings.TrimSpace(group)
	if group == "" {
		return nil, svcErr(Google, ErrNoSuchGroup)
	}
	path := "/admin/directory/v1/groups/" + url.PathEscape(group) + "/members"
	q := url.Values{}
	q.Set("maxResults", "200")
	q.Set("includeDerivedMembership", "true")
	var out []string
	err := g.pages(ctx, func(token string) (string, error) {
		var page googleMembersPage
		if err := getJSON(ctx, g.HTTP, Google, g.url(path, q, token), &page); err != nil {
			return "", err
		}
		for _, m := range page.Members {
			if m.Type == "USER" && m.Status != "SUSPENDED" {
				out = appendEmail(out, m.Email)
			}
		}
		report(progress, len(out))
		return page.NextPageToken, nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// pages calls fetch with each page token in turn ("" first) until it returns none.
func (g *GoogleClient) pages(ctx context.Context, fetch func(token string) (string, error)) error {
	if g.HTTP == nil {
		return svcErr(Google, ErrNotConfigured)
	}
	token := ""
	for range maxPages {
		next, err := fetch(token)
		if err != nil {
			return err
		}
		if next == "" {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		token = next
	}
	return svcErr(Google, fmt.Errorf("%w: more than %d pages", ErrBadPage, maxPages))
}

func (g *GoogleClient) url(path string, q url.Values, token string) string {
	base := strings.TrimRight(g.BaseURL, "/")
	if base == "" {
		base = DefaultGoogleURL
	}
	if token != "" {
		q = cloneValues(q)
		q.Set("pageToken", token)
	}
	return base + path + "?" + q.Encode()
}

func (g *GoogleClient) customer() string {
	if g.Customer == "" {
		return "my_customer"
	}
	return g.Customer
}

func cloneValues(q url.Values) url.Values {
	out := make(url.Values, len(q)+1)
	for k, v := range q {
		out[k] = append([]string(nil), v...)
	}
	return out
}

// appendEmail adds a normalized, valid address; anything else is skipped.
func appendEmail(out []string, email string) []string {
	if e := model.NormalizeEmail(email); model.ValidEmail(e) {
		return append(out, e)
	}
	return out
}

func report(p Progress, n int) {
	if p != nil {
		p(n)
	}
}
