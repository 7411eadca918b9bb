using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// POST /api/v1/panel/keys (operator or admin), body {"keys":["down","enter"],"long":false}: presses the front
    /// panel's buttons in that order as a person would (short presses, or each held 1.5 s with "long": true).
    /// 202 {"queued":n} once queued (the panel acts on them within its next samples); 400 naming the problem for
    /// bad JSON, an unknown member, an unknown key or no key (nothing is pressed then); 503 when the panel's queue
    /// is full (the keys before that one stay queued, "queued" says how many); 404 when there is no panel.
    /// </summary>
    public sealed class PanelKeysEndpoint : IHttpEndpoint
    {
        /// <summary>Keys one request may press.</summary>
        public const int MaxKeys = 16;

        public const int MaxBody = 512;

        private static readonly byte[] PathBytes = AsciiBytes.From("/api/v1/panel/keys");
        private static readonly byte[] Allow = AsciiBytes.From("Allow: POST\r\n");
        private static readonly string[] KeyNames = { "up", "down", "enter", "back" };
        private const string Usage = "body: {\"keys\":[\"up\"|\"down\"|\"enter\"|\"back\", ...],\"long\":false}";

        private readonly object _sync = new object();
        private readonly JsonReader _reader = new JsonReader(new byte[0], 0, 0);
        private readonly int[] _keys = new int[MaxKeys];

        /// <summary>The panel to press; null: this e-Probe has no front panel (404).</summary>
        public IPanelMirror Mirror { get; set; }

        public byte[] Path { get { return PathBytes; } }

        public byte[] AllowField { get { return Allow; } }

        public bool Allows(int method)
        {
            return method == HttpRequestHead.MethodPost;
        }

        public int RequiredRole(int method)
        {
            return HttpRole.Operator;
        }

        public int MaxBodyLength(int method)
        {
            return MaxBody;
        }

        public int Handle(HttpRequest request, HttpResponse response)
        {
            IPanelMirror mirror = Mirror;
            if (mirror == null)
            {
                return response.Error(HttpStatus.NotFound, "this e-Probe has no front panel");
            }

            lock (_sync)
            {
                int count;
                bool longPress;
                string error = Parse(request.Body, request.BodyLength, out count, out longPress);
                if (error != null)
                {
                    return response.Error(HttpStatus.BadRequest, error);
                }

                int queued = 0;
                while (queued < count && mirror.Press(_keys[queued], longPress))
                {
                    queued++;
                }

                if (queued < count)
                {
                    return response.Error(HttpStatus.ServiceUnavailable, "the panel's key queue is full: "
                        + queued.ToString() + " of " + count.ToString() + " keys queued, send the rest later");
                }

                JsonWriter json = response.Json;
                json.WriteStartObject();
                json.WriteName("queued");
                json.WriteInteger(queued);
                json.WriteEndObject();
                return HttpStatus.Accepted;
            }
        }

        // Fills _keys; returns null or the message of the 400.
        private string Parse(byte[] body, int length, out int count, out bool longPress)
        {
            count = 0;
            longPress = false;
            bool sawKeys = false;
            if (body == null || length == 0)
            {
                return "no body: " + Usage;
            }

            JsonReader r = _reader;
            r.Reset(body, 0, length);
            if (r.Read() != JsonTokenType.StartObject)
            {
                return Failure(r, "the body is not a JSON object: " + Usage);
            }

            while (true)
            {
                int token = r.Read();
                if (token == JsonTokenType.EndObject)
                {
                    break;
                }

                if (token != JsonTokenType.PropertyName)
                {
                    return Failure(r, "bad JSON: " + Usage);
                }

                if (r.ValueEquals("keys"))
                {
                    sawKeys = true;
                    if (r.Read() != JsonTokenType.StartArray)
                    {
                        return Failure(r, "keys must be an array of key names: " + Usage);
                    }

                    while (true)
                    {
                        token = r.Read();
                        if (token == JsonTokenType.EndArray)
                        {
                            break;
                        }

                        if (token != JsonTokenType.String)
                        {
                            return Failure(r, "keys must be an array of key names: " + Usage);
                        }

                        int key = KeyOf(r);
                        if (key == 0)
                        {
                            return "unknown key '" + r.GetString() + "': use up, down, enter or back";
                        }

                        if (count == MaxKeys)
                        {
                            return "at most " + MaxKeys.ToString() + " keys a request";
                        }

                        _keys[count++] = key;
                    }
                }
                else if (r.ValueEquals("long"))
                {
                    token = r.Read();
                    if (token != JsonTokenType.True && token != JsonTokenType.False)
                    {
                        return Failure(r, "long must be true or false");
                    }

                    longPress = token == JsonTokenType.True;
                }
                else
                {
                    return "unknown member '" + r.GetString() + "': " + Usage;
                }
            }

            if (r.Read() != JsonTokenType.EndOfDocument)
            {
                return Failure(r, "bad JSON after the object");
            }

            if (!sawKeys || count == 0)
            {
                return "no key to press: " + Usage;
            }

            return null;
        }

        private static int KeyOf(JsonReader r)
        {
            for (int i = 0; i < KeyNames.Length; i++)
            {
                if (r.ValueEquals(KeyNames[i]))
                {
                    return PanelKeys.Parse(KeyNames[i]);
                }
            }

            return 0;
        }

        // A JSON syntax error says where; a well-formed but wrong body gets the message given.
        private static string Failure(JsonReader r, string message)
        {
            return r.TokenType == JsonTokenType.Error && r.Error != null ? "bad JSON: " + r.Error : message;
        }
    }
}
