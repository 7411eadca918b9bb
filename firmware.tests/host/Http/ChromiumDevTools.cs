using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using Xunit;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>
    /// A minimal Chrome DevTools Protocol client over System.Net.WebSockets: attaches to the first page
    /// target and runs Runtime.evaluate (and Page.captureScreenshot). Every call is bounded in time.
    /// </summary>
    public sealed class ChromiumDevTools : IDisposable
    {
        private readonly ClientWebSocket _socket = new ClientWebSocket();
        private int _nextId;

        public ChromiumDevTools(int port)
        {
            using var http = new HttpClient(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
            string webSocketUrl = null;
            var watch = Stopwatch.StartNew();
            while (webSocketUrl == null && watch.ElapsedMilliseconds < 20000)
            {
                string list = http.GetStringAsync("http://127.0.0.1:" + port + "/json/list").GetAwaiter().GetResult();
                using JsonDocument doc = JsonDocument.Parse(list);
                foreach (JsonElement target in doc.RootElement.EnumerateArray())
                {
                    if (target.GetProperty("type").GetString() == "page")
                    {
                        webSocketUrl = target.GetProperty("webSocketDebuggerUrl").GetString();
                        break;
                    }
                }

                if (webSocketUrl == null)
                {
                    Thread.Sleep(100);
                }
            }

            Assert.True(webSocketUrl != null, "chromium lists no page target");
            using var cts = new CancellationTokenSource(10000);
            _socket.ConnectAsync(new Uri(webSocketUrl), cts.Token).GetAwaiter().GetResult();
        }

        /// <summary>Evaluates a JavaScript expression in the page (promises awaited); returns its value as JSON text.</summary>
        public string Evaluate(string expression)
        {
            int id = Interlocked.Increment(ref _nextId);
            string message = JsonSerializer.Serialize(new
            {
                id,
                method = "Runtime.evaluate",
                @params = new { expression, returnByValue = true, awaitPromise = true },
            });
            using var cts = new CancellationTokenSource(15000);
            _socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, cts.Token).GetAwaiter().GetResult();
            while (true)
            {
                string reply = Receive(cts.Token);
                using JsonDocument doc = JsonDocument.Parse(reply);
                if (!doc.RootElement.TryGetProperty("id", out JsonElement replyId) || replyId.GetInt32() != id)
                {
                    continue; // an event
                }

                JsonElement result = doc.RootElement.GetProperty("result");
                if (result.TryGetProperty("exceptionDetails", out JsonElement exception))
                {
                    Assert.Fail("page script failed: " + exception.ToString() + " in " + expression);
                }

                JsonElement value = result.GetProperty("result");
                return value.TryGetProperty("value", out JsonElement v) ? v.GetRawText() : "undefined";
            }
        }

        /// <summary>Calls a DevTools method (e.g. Emulation.setDeviceMetricsOverride) and waits for its answer; fails on an error.</summary>
        public void Call(string method, object parameters)
        {
            int id = Interlocked.Increment(ref _nextId);
            string message = JsonSerializer.Serialize(new { id, method, @params = parameters });
            using var cts = new CancellationTokenSource(15000);
            _socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, cts.Token).GetAwaiter().GetResult();
            while (true)
            {
                using JsonDocument doc = JsonDocument.Parse(Receive(cts.Token));
                if (!doc.RootElement.TryGetProperty("id", out JsonElement replyId) || replyId.GetInt32() != id)
                {
                    continue; // an event
                }

                Assert.True(doc.RootElement.TryGetProperty("result", out _), method + " failed: " + doc.RootElement);
                return;
            }
        }

        /// <summary>Saves what the page shows now (the window's viewport) as a PNG file (Page.captureScreenshot).</summary>
        public void CaptureScreenshot(string file)
        {
            int id = Interlocked.Increment(ref _nextId);
            string message = JsonSerializer.Serialize(new { id, method = "Page.captureScreenshot", @params = new { format = "png" } });
            using var cts = new CancellationTokenSource(15000);
            _socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, cts.Token).GetAwaiter().GetResult();
            while (true)
            {
                using JsonDocument doc = JsonDocument.Parse(Receive(cts.Token));
                if (!doc.RootElement.TryGetProperty("id", out JsonElement replyId) || replyId.GetInt32() != id)
                {
                    continue; // an event
                }

                Assert.True(doc.RootElement.TryGetProperty("result", out JsonElement result), "Page.captureScreenshot failed: " + doc.RootElement);
                System.IO.File.WriteAllBytes(file, Convert.FromBase64String(result.GetProperty("data").GetString()));
                return;
            }
        }

        /// <summary>Evaluates <paramref name="expression"/> until it gives true, at most <paramref name="timeoutMs"/>.</summary>
        public void WaitFor(string expression, int timeoutMs, string what)
        {
            var watch = Stopwatch.StartNew();
            while (watch.ElapsedMilliseconds < timeoutMs)
            {
                // The document may still be loading: a script error counts as "not yet".
                if (Evaluate("(function(){try{return !!(" + expression + ");}catch(e){return false;}})()") == "true")
                {
                    return;
                }

                Thread.Sleep(100);
            }

            // What the page says at that moment: its messages usually tell why.
            string messages = Evaluate("Array.prototype.map.call(document.querySelectorAll('.error,.field-error,.form-message,#status')," +
                "function(e){return e.textContent;}).filter(function(t){return t;}).join(' | ')");
            Assert.Fail("timed out after " + timeoutMs + " ms waiting for " + what + " (" + expression + "); page messages: " + messages);
        }

        private string Receive(CancellationToken token)
        {
            var buffer = new byte[65536];
            var text = new StringBuilder();
            while (true)
            {
                WebSocketReceiveResult r = _socket.ReceiveAsync(new ArraySegment<byte>(buffer), token).GetAwaiter().GetResult();
                Assert.True(r.MessageType != WebSocketMessageType.Close, "DevTools closed the connection");
                text.Append(Encoding.UTF8.GetString(buffer, 0, r.Count));
                if (r.EndOfMessage)
                {
                    return text.ToString();
                }
            }
        }

        public void Dispose()
        {
            try
            {
                using var cts = new CancellationTokenSource(2000);
                _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", cts.Token).GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                // chromium may be gone already
            }

            _socket.Dispose();
        }
    }
}
