namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// Who may do what, in increasing order: an endpoint declares the least role each method needs, and a
    /// request carries the role it authenticated as. Viewer reads; Operator also acknowledges alarms and
    /// changes labels; Admin changes everything. Anonymous is a request without credentials: it may read
    /// unless anonymous reading is switched off.
    /// </summary>
    public static class HttpRole
    {
        public const int Anonymous = 0;
        public const int Viewer = 1;
        public const int Operator = 2;
        public const int Admin = 3;

        /// <summary>"viewer", "operator", "admin" ("anonymous" for 0): names in the API and the configuration.</summary>
        public static string Name(int role)
        {
            switch (role)
            {
                case Viewer:
                    return "viewer";
                case Operator:
                    return "operator";
                case Admin:
                    return "admin";
                default:
                    return "anonymous";
            }
        }

        /// <summary>The role with that name, or -1.</summary>
        public static int Parse(string name)
        {
            if (name == "viewer")
            {
                return Viewer;
            }

            if (name == "operator")
            {
                return Operator;
            }

            if (name == "admin")
            {
                return Admin;
            }

            return -1;
        }
    }
}
