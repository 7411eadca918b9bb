using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// GET/HEAD /api/v1/panel[?scale=1..4] (viewer): the front panel's current frame as a PNG (MonochromePng, each
    /// pixel scale x scale, default 1), so the page can mirror the panel. ETag = the frame number as a quoted
    /// 10-digit decimal (fixed width: the header is built in a reused buffer); If-None-Match with it answers 304,
    /// so a page polling once a second moves the image only when the panel drew something new. 404 when the
    /// e-Probe has no panel (<see cref="Mirror"/> null), 400 for another parameter or scale. One frame copy and one
    /// PNG buffer (made at the first request) serve every handler thread under a lock: nothing allocated per request.
    /// </summary>
    public sealed class PanelEndpoint : IHttpEndpoint
    {
        public const int DefaultScale = 1;
        public const int MaxScale = 4;

        /// <summary>Digits of the ETag (the frame number modulo 10^10).</summary>
        public const int ETagDigits = 10;

        private static readonly byte[] PathBytes = AsciiBytes.From("/api/v1/panel");
        private static readonly byte[] Allow = AsciiBytes.From("Allow: GET, HEAD\r\n");
        private static readonly string[] Known = { "scale" };
        private static readonly byte[] FieldsTemplate = AsciiBytes.From(
            "Content-Type: image/png\r\nCache-Control: no-cache\r\nETag: \"0000000000\"\r\n");
        private static readonly byte[] NotModifiedTemplate = AsciiBytes.From(
            "Cache-Control: no-cache\r\nETag: \"0000000000\"\r\n");

        private readonly object _sync = new object();
        private readonly byte[] _fields = new byte[FieldsTemplate.Length];
        private readonly byte[] _notModifiedFields = new byte[NotModifiedTemplate.Length];
        private byte[] _frame;
        private byte[] _png;

        public PanelEndpoint()
        {
            AsciiBytes.Copy(FieldsTemplate, _fields, 0);
            AsciiBytes.Copy(NotModifiedTemplate, _notModifiedFields, 0);
        }

        /// <summary>The panel to show; null: this e-Probe has no front panel (404).</summary>
        public IPanelMirror Mirror { get; set; }

        public byte[] Path { get { return PathBytes; } }

        public byte[] AllowField { get { return Allow; } }

        public bool Allows(int method)
        {
            return method == HttpRequestHead.MethodGet;
        }

        public int RequiredRole(int method)
        {
            return HttpRole.Viewer;
        }

        public int MaxBodyLength(int method)
        {
            return 0;
        }

        public int Handle(HttpRequest request, HttpResponse response)
        {
            IPanelMirror mirror = Mirror;
            if (mirror == null)
            {
                return response.Error(HttpStatus.NotFound, "this e-Probe has no front panel");
            }

            HttpQuery q = request.Query;
            int unknown = q.FirstUnknown(Known);
            if (unknown >= 0)
            {
                return response.Error(HttpStatus.BadRequest, "unknown parameter '" + q.Name(unknown) + "' (scale)");
            }

            int scale = DefaultScale;
            int at = q.Find("scale");
            if (at >= 0)
            {
                long value;
                if (!q.TryGetInteger(at, out value) || value < 1 || value > MaxScale)
                {
                    return response.Error(HttpStatus.BadRequest, "scale must be 1..4 (pixels per panel pixel)");
                }

                scale = (int)value;
            }

            lock (_sync)
            {
                int width = mirror.Width;
                int height = mirror.Height;
                int frameLength = width * height / 8;
                if (_frame == null || _frame.Length < frameLength)
                {
                    _frame = new byte[frameLength];
                }

                long number = mirror.CopyFrame(_frame);
                if (MatchesETag(request, number))
                {
                    WriteETag(_notModifiedFields, number);
                    response.BeginText(HttpResponseHead.ContentSupplied);
                    response.AddFields(_notModifiedFields);
                    return HttpStatus.NotModified;
                }

                int pngMax = MonochromePng.MaxLength(width, height, MaxScale);
                if (_png == null || _png.Length < pngMax)
                {
                    _png = new byte[pngMax];
                }

                int length = MonochromePng.Encode(_frame, width, height, scale, _png);
                response.EnsureCapacity(length);
                response.BeginText(HttpResponseHead.ContentSupplied);
                WriteETag(_fields, number);
                response.AddFields(_fields);
                for (int i = 0; i < length; i++)
                {
                    response.TextByte(_png[i]);
                }

                return HttpStatus.Ok;
            }
        }

        // The 10 digits inside the quotes, which end 3 bytes before the fields' end (quote, CR, LF).
        private static void WriteETag(byte[] fields, long number)
        {
            long n = number < 0 ? -number : number;
            int last = fields.Length - 4;
            for (int i = 0; i < ETagDigits; i++)
            {
                fields[last - i] = (byte)('0' + (int)(n % 10));
                n /= 10;
            }
        }

        // If-None-Match holds "*" or our quoted tag (alone, in a list, or weak W/"...").
        private bool MatchesETag(HttpRequest request, long number)
        {
            int length = request.IfNoneMatchLength;
            if (length == 0)
            {
                return false;
            }

            byte[] value = request.IfNoneMatch;
            WriteETag(_notModifiedFields, number);
            int tagStart = _notModifiedFields.Length - 4 - ETagDigits;   // the opening quote
            int tagLength = ETagDigits + 2;
            for (int i = 0; i < length; i++)
            {
                if (value[i] == (byte)'*')
                {
                    return true;
                }

                if (i + tagLength <= length)
                {
                    bool same = true;
                    for (int k = 0; k < tagLength && same; k++)
                    {
                        same = value[i + k] == _notModifiedFields[tagStart + k];
                    }

                    if (same)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
