using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// The HTTP JSON API of one e-Probe (tools/http/openapi.json). Every failure becomes a ProbeException with a
    /// message an operator can act on: "unreachable (Connection refused)", "timed out after 5 s",
    /// "HTTP 400: channels[2].ctRatedA: ...", "bad answer: not JSON".
    /// </summary>
    public sealed class ProbeClient : IDisposable
    {
        private readonly HttpClient _http;
        private readonly ProbeTarget _target;
        private readonly TimeSpan _timeout;

        public ProbeClient(ProbeTarget target, Credentials credentials, TimeSpan timeout)
        {
            _target = target;
            _timeout = timeout;
            var handler = new SocketsHttpHandler { ConnectTimeout = timeout, UseProxy = false };
            _http = new HttpClient(handler) { BaseAddress = target.BaseUri, Timeout = timeout };
            string basic = credentials == null ? null : credentials.BasicHeaderValue();
            if (basic != null)
            {
                _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
            }
        }

        public ProbeTarget Target { get { return _target; } }

        /// <summary>GET a JSON document (object or array).</summary>
        public JsonNode GetJson(string path, CancellationToken cancel)
        {
            return ParseJson(Send(HttpMethod.Get, path, null, cancel), path);
        }

        /// <summary>PUT a JSON body; returns the probe's JSON answer.</summary>
        public JsonNode PutJson(string path, string jsonBody, CancellationToken cancel)
        {
            return ParseJson(Send(HttpMethod.Put, path, jsonBody, cancel), path);
        }

        /// <summary>POST a JSON body (null = empty); returns the answer's text ("" when none).</summary>
        public string PostJson(string path, string jsonBody, CancellationToken cancel)
        {
            return Send(HttpMethod.Post, path, jsonBody, cancel);
        }

        /// <summary>GET a text resource (e.g. /metrics).</summary>
        public string GetText(string path, CancellationToken cancel)
        {
            return Send(HttpMethod.Get, path, null, cancel);
        }

        public void Dispose()
        {
            _http.Dispose();
        }

        private string Send(HttpMethod method, string path, string jsonBody, CancellationToken cancel)
        {
            using var request = new HttpRequestMessage(method, path.TrimStart('/'));
            if (jsonBody != null)
            {
                request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
            }

            HttpResponseMessage response;
            string body;
            try
            {
                response = _http.Send(request, cancel);
                using (var reader = new System.IO.StreamReader(response.Content.ReadAsStream(cancel), Encoding.UTF8))
                {
                    body = reader.ReadToEnd();
                }
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                throw new ProbeException("timed out after " + _timeout.TotalSeconds + " s");
            }
            catch (HttpRequestException e)
            {
                throw new ProbeException("unreachable (" + Reason(e) + ")");
            }
            catch (System.IO.IOException e)
            {
                throw new ProbeException("connection lost (" + e.Message + ")");
            }

            int status = (int)response.StatusCode;
            response.Dispose();
            if (status >= 400)
            {
                throw new ProbeException("HTTP " + status + ": " + ErrorText(body), status);
            }

            return body;
        }

        private static JsonNode ParseJson(string body, string path)
        {
            try
            {
                JsonNode node = JsonNode.Parse(body);
                if (node == null)
                {
                    throw new ProbeException("bad answer to " + path + ": empty JSON");
                }

                return node;
            }
            catch (JsonException)
            {
                throw new ProbeException("bad answer to " + path + ": not JSON (" + Shorten(body) + ")");
            }
        }

        /// <summary>The probe's {"error":"..."} message, else the start of the body.</summary>
        private static string ErrorText(string body)
        {
            try
            {
                var node = JsonNode.Parse(body) as JsonObject;
                if (node != null && node["error"] != null)
                {
                    return node["error"].ToString();
                }
            }
            catch (JsonException)
            {
                // Not JSON: show the text as it came.
            }

            return Shorten(body);
        }

        private static string Reason(HttpRequestException e)
        {
            var socket = e.InnerException as SocketException;
            if (socket != null)
            {
                return socket.Message;
            }

            return e.InnerException != null ? e.InnerException.Message : e.Message;
        }

        private static string Shorten(string text)
        {
            string oneLine = text.Replace('\r', ' ').Replace('\n', ' ').Trim();
            return oneLine.Length <= 80 ? oneLine : oneLine.Substring(0, 80) + "...";
        }
    }
}
