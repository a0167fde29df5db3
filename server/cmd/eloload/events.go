package main

// The events socket (/api/v1/events/socket) as every scenario that listens to topics uses it.

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/fasthttp/websocket"
)

// eventMsg is one message of an events-socket frame (a frame is a JSON array of them).
type eventMsg struct {
	Type, Topic, Kind string
	Data              json.RawMessage
}

// listenEvents holds an events socket subscribed to topics until ctx ends and calls onEvent (on
// the reading goroutine) with each "event" message and the arrival time of its frame. It sends
// once on ready when the server confirms the subscription, or when the socket fails or ends
// before that (so a caller waiting for every listener never hangs).
func (env *wsEnv) listenEvents(ctx context.Context, token string, topics []string, ready chan<- struct{}, onEvent func(m eventMsg, at time.Time)) {
	signal := sync.OnceFunc(func() { ready <- struct{}{} })
	defer signal()
	conn, err := env.dialSocket(ctx, token, "/api/v1/events/socket", 0)
	if err != nil {
		fmt.Println("events socket:", err)
		return
	}
	defer conn.Close()
	go func() { <-ctx.Done(); conn.Close() }()
	sub, _ := json.Marshal(map[string]any{"type": "subscribe", "topics": topics})
	if err := conn.WriteMessage(websocket.TextMessage, sub); err != nil {
		return
	}
	for {
		_, frame, err := conn.ReadMessage()
		if err != nil {
			return
		}
		at := time.Now()
		var msgs []eventMsg
		if json.Unmarshal(frame, &msgs) != nil {
			continue
		}
		for _, m := range msgs {
			switch m.Type {
			case "subscribed":
				signal()
			case "event":
				onEvent(m, at)
			}
		}
	}
}
