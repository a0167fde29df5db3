package notifymail

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/mail"
	"github.com/elo-workspace/elo-workspace/server/notifications"
	"github.com/elo-workspace/elo-workspace/server/record"
)

// RetryAfter is how long a mention's email waits after the mail server failed it.
const RetryAfter = time.Minute

// RunDue sends every mention email due by now and every digest whose scheduled time has come
// by now. The sender calls it with the clock; tests call it with the time they want.
func (s *Service) RunDue(ctx context.Context, now time.Time) error {
	s.runMu.Lock()
	defer s.runMu.Unlock()
	errs := []error{s.sendMentions(ctx, now)}
	for _, f := range []string{Daily, Weekly} {
		slot := SlotOf(now, f)
		for _, userID := range s.d.Notifications.WithUnread() {
			errs = append(errs, s.sendDigest(ctx, userID, f, slot, now))
		}
	}
	return errors.Join(errs...)
}

// sendMentions emails the mentions whose delay has passed, unless read in the app meanwhile
// or no longer wanted at once.
func (s *Service) sendMentions(ctx context.Context, now time.Time) error {
	s.mu.RLock()
	var due []notifications.Notification
	var gone []string
	for id, at := range s.pending {
		if at.After(now) {
			continue
		}
		if n, _, ok := s.d.Notifications.Get(id); ok {
			due = append(due, n)
		} else {
			gone = append(gone, id)
		}
	}
	s.mu.RUnlock()
	if len(gone) > 0 {
		s.mu.Lock()
		for _, id := range gone {
			delete(s.pending, id)
		}
		s.mu.Unlock()
	}
	sort.Slice(due, func(i, j int) bool { return due[i].Seq < due[j].Seq })
	var errs []error
	for _, n := range due {
		_, read, _ := s.d.Notifications.Get(n.ID)
		u, known := s.d.People.User(n.UserID)
		outcome := Sent
		switch {
		case read:
			outcome = WasRead
		case s.Of(n.UserID).Mentions != Immediately:
			outcome = Off
		case !s.readable(n):
			outcome = Gone
		case !known || address(u) == "":
			outcome = NoEmail
		}
		if outcome == Sent {
			if err := s.d.Mail.SendMessage(ctx, s.mentionEmail(u, n)); err != nil {
				s.mu.Lock()
				s.pending[n.ID] = now.Add(RetryAfter)
				s.mu.Unlock()
				errs = append(errs, fmt.Errorf("email a mention: %w", err))
				continue
			}
		}
		errs = append(errs, s.record(ctx, Delivery{UserID: n.UserID, Notification: n.ID, Outcome: outcome}, now))
	}
	return errors.Join(errs...)
}

// record stores a delivery and applies it.
func (s *Service) record(ctx context.Context, d Delivery, now time.Time) error {
	d.ID, d.At = record.New(), now.UTC()
	err := s.deliveries.Append(ctx, []Delivery{d})
	s.mu.Lock()
	s.addDeliveryLocked(d) // in memory even when the store failed: not sent twice by this process
	s.mu.Unlock()
	if err != nil {
		return fmt.Errorf("store an email delivery: %w", err)
	}
	return nil
}

// SlotOf is the latest scheduled time of the frequency's digest at or before now: every day at
// DigestHour UTC, or every Monday at DigestHour UTC.
func SlotOf(now time.Time, frequency string) time.Time {
	now = now.UTC()
	t := time.Date(now.Year(), now.Month(), now.Day(), DigestHour, 0, 0, 0, time.UTC)
	if now.Before(t) {
		t = t.AddDate(0, 0, -1)
	}
	if frequency == Weekly {
		for t.Weekday() != time.Monday {
			t = t.AddDate(0, 0, -1)
		}
	}
	return t
}

func period(frequency string) time.Duration {
	if frequency == Weekly {
		return 7 * 24 * time.Hour
	}
	return 24 * time.Hour
}

// sendDigest sends the person's digest of the frequency for the slot, when it is due and has
// something in it: their unread notifications from before the slot since the last one (the
// first covers one period),
// of the kinds they want in it, without the mentions already emailed.
func (s *Service) sendDigest(ctx context.Context, userID, frequency string, slot, now time.Time) error {
	p := s.Of(userID)
	mentions, others := p.Mentions == frequency, p.Digest == frequency
	if !mentions && !others {
		return nil
	}
	s.mu.RLock()
	last, sent := s.digests[userID][frequency]
	s.mu.RUnlock()
	if sent && !last.Slot.Before(slot) {
		return nil
	}
	// What arrived before the slot waited for it; what came after waits for the next one.
	var all []notifications.Notification
	for _, n := range s.d.Notifications.UnreadAfter(userID, last.UpTo) {
		if n.At.Before(slot) {
			all = append(all, n)
		}
	}
	var items []notifications.Notification
	s.mu.RLock()
	for _, n := range all {
		switch {
		case !sent && n.At.Before(slot.Add(-period(frequency))):
		case s.done[n.ID] == Sent:
		case n.Kind == notifications.KindMention && !mentions:
		case n.Kind != notifications.KindMention && !others:
		case !s.readable(n):
		default:
			items = append(items, n)
		}
	}
	s.mu.RUnlock()
	if len(items) == 0 {
		return nil
	}
	u, ok := s.d.People.User(userID)
	if !ok || address(u) == "" {
		return nil
	}
	if err := s.d.Mail.SendMessage(ctx, s.digestEmail(u, frequency, items)); err != nil {
		return fmt.Errorf("email a digest: %w", err)
	}
	return s.record(ctx, Delivery{UserID: userID, Frequency: frequency, Slot: slot, UpTo: all[len(all)-1].Seq,
		Count: len(items), Outcome: Digest}, now)
}

func (s *Service) readable(n notifications.Notification) bool {
	return s.d.Readable == nil || s.d.Readable(n.UserID, n.Link)
}

// address is where a person's notifications go.
func address(u accounts.User) string {
	if u.NotificationEmail != "" {
		return u.NotificationEmail
	}
	return u.Email
}

// --- the emails ---------------------------------------------------------------------------

func (s *Service) url(path string) string { return strings.TrimRight(s.d.PublicURL, "/") + path }

// unsubscribeHeaders are RFC 8058's: a mail client POSTs List-Unsubscribe=One-Click to the URL.
func (s *Service) unsubscribeHeaders(token string) [][2]string {
	return [][2]string{
		{"List-Unsubscribe", "<" + s.url("/api/v1/email/unsubscribe?token="+token) + ">"},
		{"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"},
	}
}

func (s *Service) mentionEmail(u accounts.User, n notifications.Notification) mail.Message {
	tx := textsFor(u.Language)
	token := s.Token(u.ID, ScopeMentions)
	var b strings.Builder
	fmt.Fprintf(&b, tx.hello+"\n\n", u.Name)
	fmt.Fprintf(&b, tx.mentionIntro+"\n\n", n.ActorName, n.Subject)
	if n.Excerpt != "" {
		fmt.Fprintf(&b, "> %s\n\n", n.Excerpt)
	}
	fmt.Fprintf(&b, "%s\n%s\n\n", tx.open, s.url(n.Link))
	s.footer(&b, tx, tx.whyMentions, token)
	return mail.Message{To: address(u), Subject: fmt.Sprintf(tx.mentionSubject, n.ActorName, n.Subject), Body: b.String(),
		Headers: s.unsubscribeHeaders(token)}
}

func (s *Service) digestEmail(u accounts.User, frequency string, items []notifications.Notification) mail.Message {
	tx := textsFor(u.Language)
	token := s.Token(u.ID, ScopeDigest)
	subject, why := tx.dailySubject, tx.whyDaily
	if frequency == Weekly {
		subject, why = tx.weeklySubject, tx.whyWeekly
	}
	var b strings.Builder
	fmt.Fprintf(&b, tx.hello+"\n\n", u.Name)
	fmt.Fprintf(&b, tx.digestIntro+"\n\n", len(items))
	shown := items
	if len(shown) > MaxDigestItems {
		shown = shown[len(shown)-MaxDigestItems:] // the newest
	}
	for i := len(shown) - 1; i >= 0; i-- {
		n := shown[i]
		what, ok := tx.kinds[n.Kind]
		if !ok {
			what = "%s"
		}
		fmt.Fprintf(&b, "* "+what+": %s\n", n.ActorName, n.Subject)
		if n.Excerpt != "" {
			fmt.Fprintf(&b, "  %s\n", n.Excerpt)
		}
		fmt.Fprintf(&b, "  %s\n\n", s.url(n.Link))
	}
	if more := len(items) - len(shown); more > 0 {
		fmt.Fprintf(&b, tx.more+"\n%s\n\n", more, s.url("/notifications"))
	}
	s.footer(&b, tx, why, token)
	return mail.Message{To: address(u), Subject: fmt.Sprintf(subject, len(items)), Body: b.String(), Headers: s.unsubscribeHeaders(token)}
}

func (s *Service) footer(b *strings.Builder, tx texts, why, token string) {
	fmt.Fprintf(b, "-- \n%s\n%s\n%s\n%s\n%s\n", why, tx.unsubscribe, s.url("/unsubscribe?token="+token+"&lang="+tx.lang), tx.settings, s.url("/profile#email"))
}
