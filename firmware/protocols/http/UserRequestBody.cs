using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// Reads the small JSON objects of the session and users endpoints ({"user":"…","password":"…"}):
    /// string fields by name, anything else refused. Logins and user changes may allocate (strings).
    /// </summary>
    public static class UserRequestBody
    {
        /// <summary>
        /// Fills values[i] with the string of field names[i] (null when absent); returns null, or the
        /// problem ("body: …"). Fields named in <paramref name="names"/> must be strings; others are refused.
        /// </summary>
        public static string Read(byte[] body, int length, string[] names, string[] values)
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = null;
            }

            if (body == null || length == 0)
            {
                return "body: a JSON object is required";
            }

            JsonReader r = new JsonReader(body, 0, length);
            if (r.Read() != JsonTokenType.StartObject)
            {
                return "body: must be a JSON object";
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
                    return "body: invalid JSON" + (r.Error != null ? ": " + r.Error : "");
                }

                int index = -1;
                for (int i = 0; i < names.Length; i++)
                {
                    if (r.ValueEquals(names[i]))
                    {
                        index = i;
                    }
                }

                if (index < 0)
                {
                    return r.GetString() + ": unknown field";
                }

                if (r.Read() != JsonTokenType.String)
                {
                    return names[index] + ": must be a string";
                }

                values[index] = r.GetString();
            }

            return r.Read() == JsonTokenType.EndOfDocument ? null : "body: invalid JSON after the object";
        }
    }
}
