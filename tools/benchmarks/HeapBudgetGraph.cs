using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Ipenergy.Probe.Benchmarks
{
    /// <summary>
    /// The object graph reachable from a set of roots (the ProbeApp, the static fields of the firmware's types),
    /// walked by reflection and priced with <see cref="HeapBudgetModel"/>: total, what each object retains (its
    /// dominator subtree: what would be freed if it went), the largest objects, and what was skipped.
    /// Walked: the types of the given assemblies (the firmware), strings, arrays, boxed values, plain objects
    /// (locks), delegates, and the non-generic System.Collections and System.Text types the firmware may use.
    /// Skipped (priced 0, counted by type): everything else, i.e. the host runtime's objects (threads, sockets,
    /// wait handles, encodings) and the simulator's HAL objects.
    /// </summary>
    public sealed class HeapBudgetGraph
    {
        private const int RootId = 0;

        private readonly HashSet<Assembly> _walked;
        private readonly Dictionary<object, int> _ids = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        private readonly List<object> _objects = new List<object>();
        private readonly List<string> _labels = new List<string>();
        private readonly List<long> _shallow = new List<long>();
        private readonly List<List<int>> _out = new List<List<int>>();
        private readonly List<int> _parent = new List<int>();
        private readonly List<string> _edge = new List<string>();
        private readonly Dictionary<string, int> _skipped = new Dictionary<string, int>();
        private readonly Queue<int> _pending = new Queue<int>();
        private int[] _idom;
        private long[] _retained;

        private HeapBudgetGraph(IEnumerable<Assembly> walked)
        {
            _walked = new HashSet<Assembly>(walked);
            AddNode(new object(), "(roots)", 0, -1, "");
        }

        /// <summary>Walks everything reachable from <paramref name="roots"/> (name, object) and, when
        /// <paramref name="staticsOf"/> is given, from the static fields of that assembly's types (their static
        /// constructors run, as nanoCLR runs them all at boot).</summary>
        public static HeapBudgetGraph Build(IEnumerable<KeyValuePair<string, object>> roots, Assembly staticsOf, params Assembly[] walked)
        {
            var g = new HeapBudgetGraph(walked);
            foreach (KeyValuePair<string, object> root in roots)
            {
                g.Link(RootId, root.Value, root.Key);
            }

            if (staticsOf != null)
            {
                g.AddStatics(staticsOf);
            }

            while (g._pending.Count > 0)
            {
                g.Expand(g._pending.Dequeue());
            }

            g.ComputeDominators();
            return g;
        }

        /// <summary>Estimated bytes of everything walked.</summary>
        public long Total { get { return _retained[RootId]; } }

        /// <summary>Objects priced (the static-field blocks count as one each).</summary>
        public int ObjectCount { get { return _objects.Count - 1; } }

        /// <summary>Skipped objects by type name (host runtime, simulator), each counted once.</summary>
        public IReadOnlyDictionary<string, int> Skipped { get { return _skipped; } }

        /// <summary>Estimated bytes that would go with <paramref name="o"/> (0 when not walked).</summary>
        public long Retained(object o)
        {
            return o != null && _ids.TryGetValue(o, out int id) ? _retained[id] : 0;
        }

        /// <summary>Estimated bytes of <paramref name="o"/> alone (0 when not walked).</summary>
        public long Shallow(object o)
        {
            return o != null && _ids.TryGetValue(o, out int id) ? _shallow[id] : 0;
        }

        /// <summary>
        /// The objects that <paramref name="owner"/> (or nothing but the roots) alone keeps alive, each with what it
        /// retains, largest first: the services of a ProbeApp, the static tables, and the objects they share.
        /// </summary>
        public List<Retainer> RetainersUnder(object owner)
        {
            int ownerId = owner != null && _ids.TryGetValue(owner, out int id) ? id : -1;
            var list = new List<Retainer>();
            for (int n = 1; n < _objects.Count; n++)
            {
                if (n != ownerId && (_idom[n] == RootId || _idom[n] == ownerId))
                {
                    list.Add(NewRetainer(n));
                }
            }

            list.Sort((a, b) => b.Bytes.CompareTo(a.Bytes));
            return list;
        }

        /// <summary>What <paramref name="r"/> alone keeps alive, one level down (its dominator tree children), largest first.</summary>
        public List<Retainer> Inside(Retainer r)
        {
            var list = new List<Retainer>();
            for (int n = 1; n < _objects.Count; n++)
            {
                if (_idom[n] == r.Node && n != r.Node)
                {
                    list.Add(NewRetainer(n));
                }
            }

            list.Sort((a, b) => b.Bytes.CompareTo(a.Bytes));
            return list;
        }

        private Retainer NewRetainer(int n)
        {
            return new Retainer(Path(n), _labels[n], _retained[n], _shallow[n]) { Node = n };
        }

        /// <summary>The largest single objects (shallow size), largest first.</summary>
        public List<Retainer> Largest(int count)
        {
            return Enumerable.Range(1, _objects.Count - 1).OrderByDescending(n => _shallow[n]).Take(count)
                .Select(NewRetainer).ToList();
        }

        /// <summary>Estimated bytes by type (shallow), largest first.</summary>
        public List<KeyValuePair<string, long>> ByType()
        {
            var sums = new Dictionary<string, long>();
            for (int n = 1; n < _objects.Count; n++)
            {
                sums.TryGetValue(_labels[n], out long s);
                sums[_labels[n]] = s + _shallow[n];
            }

            return sums.OrderByDescending(p => p.Value).ToList();
        }

        /// <summary>The first path found from the roots (breadth first: a shortest one).</summary>
        public string Path(int node)
        {
            var parts = new List<string>();
            for (int n = node; n > RootId; n = _parent[n])
            {
                parts.Add(_edge[n]);
            }

            parts.Reverse();
            string path = string.Concat(parts.Select((p, i) => i == 0 || p.StartsWith("[", StringComparison.Ordinal) ? p : "." + p));
            return path.Length > 90 ? path.Substring(0, 40) + "..." + path.Substring(path.Length - 47) : path;
        }

        private int AddNode(object o, string label, long shallow, int parent, string edge)
        {
            int id = _objects.Count;
            _objects.Add(o);
            _labels.Add(label);
            _shallow.Add(shallow);
            _out.Add(new List<int>());
            _parent.Add(parent);
            _edge.Add(edge);
            return id;
        }

        // An edge from node `from` to object `o`; new walkable objects are queued (breadth first).
        private void Link(int from, object o, string edge)
        {
            if (o == null)
            {
                return;
            }

            if (!_ids.TryGetValue(o, out int id))
            {
                if (!IsWalked(o))
                {
                    string name = o.GetType().FullName ?? o.GetType().Name;
                    if (_ids.TryAdd(o, -1))
                    {
                        _skipped.TryGetValue(name, out int c);
                        _skipped[name] = c + 1;
                    }

                    return;
                }

                id = AddNode(o, TypeLabel(o.GetType()), 0, from, edge);
                _ids.Add(o, id);
                _pending.Enqueue(id);
            }

            if (id > 0)
            {
                _out[from].Add(id);
            }
        }

        private bool IsWalked(object o)
        {
            Type t = o.GetType();
            if (o is string || t.IsArray || t == typeof(object) || o is Delegate || HeapBudgetModel.IsInline(t) || _walked.Contains(t.Assembly))
            {
                return true;
            }

            // The non-generic collections and text builders: their host layout stands in for nanoCLR's.
            return !t.IsGenericType && (t.Namespace == "System.Collections" || t.Namespace == "System.Text") && t.Name != "StringBuilder+ChunkEnumerator"
                && !t.Name.Contains("Encoding", StringComparison.Ordinal);
        }

        private void Expand(int id)
        {
            object o = _objects[id];
            Type t = o.GetType();
            if (o is string s)
            {
                _shallow[id] = HeapBudgetModel.String(s, string.IsInterned(s) != null);
            }
            else if (t.IsArray)
            {
                ExpandArray(id, (Array)o);
            }
            else if (o is Delegate d)
            {
                _shallow[id] = 3 * HeapBudgetModel.Cell;
                Link(id, d.Target, "target");
            }
            else if (HeapBudgetModel.IsInline(t))
            {
                _shallow[id] = 2 * HeapBudgetModel.Cell;
            }
            else if (t.IsValueType)
            {
                _shallow[id] = HeapBudgetModel.StructBox(t);
                LinkStructFields(id, o, t, "");
            }
            else
            {
                FieldInfo[] fields = HeapBudgetModel.InstanceFields(t);
                long size = HeapBudgetModel.Object(fields.Length);
                foreach (FieldInfo f in fields)
                {
                    size += LinkField(id, f, f.GetValue(o), "");
                }

                _shallow[id] = size;
            }
        }

        // Links one field's value; returns the bytes of a struct value kept for it (its boxed object).
        private long LinkField(int id, FieldInfo f, object value, string prefix)
        {
            Type ft = f.FieldType;
            if (HeapBudgetModel.IsInline(ft))
            {
                return 0;
            }

            string name = prefix + FieldName(f);
            if (ft.IsValueType)
            {
                return HeapBudgetModel.StructBox(ft) + LinkStructFields(id, value, ft, name + ".");
            }

            Link(id, value, name);
            return 0;
        }

        // The reference fields of a struct value belong to the object holding it; nested structs add their boxes.
        private long LinkStructFields(int id, object value, Type structType, string prefix)
        {
            long extra = 0;
            foreach (FieldInfo f in HeapBudgetModel.InstanceFields(structType))
            {
                extra += LinkField(id, f, f.GetValue(value), prefix);
            }

            return extra;
        }

        private void ExpandArray(int id, Array a)
        {
            Type e = a.GetType().GetElementType();
            long size = HeapBudgetModel.Array(e, a.Length);
            if (a.Rank != 1)
            {
                throw new NotSupportedException("multi-dimensional array " + a.GetType() + ": not in the nanoFramework subset");
            }

            if (!HeapBudgetModel.IsInline(e))
            {
                for (int i = 0; i < a.Length; i++)
                {
                    object v = a.GetValue(i);
                    if (e.IsValueType)
                    {
                        size += HeapBudgetModel.StructBox(e) + LinkStructFields(id, v, e, "[" + i + "].");
                    }
                    else
                    {
                        Link(id, v, "[" + i + "]");
                    }
                }
            }

            _shallow[id] = size;
        }

        private void AddStatics(Assembly assembly)
        {
            foreach (Type t in assembly.GetTypes().OrderBy(x => x.FullName, StringComparer.Ordinal))
            {
                // Compiler-generated holders (<PrivateImplementationDetails>: array initializer data) stay in the assembly.
                if (t.ContainsGenericParameters || t.Name.StartsWith("<", StringComparison.Ordinal))
                {
                    continue;
                }

                FieldInfo[] statics = t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .Where(f => !f.IsLiteral).ToArray();
                if (statics.Length == 0)
                {
                    continue;
                }

                RuntimeHelpers.RunClassConstructor(t.TypeHandle);
                int id = AddNode(new object(), "static fields of " + TypeLabel(t), statics.Length * (long)HeapBudgetModel.Cell, RootId,
                    "static " + TypeLabel(t));
                _out[RootId].Add(id);
                long extra = 0;
                foreach (FieldInfo f in statics)
                {
                    extra += LinkField(id, f, f.GetValue(null), "");
                }

                _shallow[id] += extra;
            }
        }

        private static string FieldName(FieldInfo f)
        {
            // Auto-property backing fields read as the property.
            string n = f.Name;
            return n.StartsWith("<", StringComparison.Ordinal) && n.Contains('>') ? n.Substring(1, n.IndexOf('>') - 1) : n;
        }

        private static string TypeLabel(Type t)
        {
            return t.IsArray ? TypeLabel(t.GetElementType()) + "[]" : t.Name;
        }

        // Cooper, Harvey and Kennedy's iterative dominators over the walked graph, then the retained sizes.
        private void ComputeDominators()
        {
            int n = _objects.Count;
            int[] order = new int[n];          // reverse postorder position of each node
            var post = new List<int>(n);
            var visited = new bool[n];
            var stack = new Stack<KeyValuePair<int, int>>();
            stack.Push(new KeyValuePair<int, int>(RootId, 0));
            visited[RootId] = true;
            while (stack.Count > 0)
            {
                var top = stack.Pop();
                List<int> succ = _out[top.Key];
                if (top.Value < succ.Count)
                {
                    stack.Push(new KeyValuePair<int, int>(top.Key, top.Value + 1));
                    int next = succ[top.Value];
                    if (!visited[next])
                    {
                        visited[next] = true;
                        stack.Push(new KeyValuePair<int, int>(next, 0));
                    }
                }
                else
                {
                    post.Add(top.Key);
                }
            }

            var preds = new List<int>[n];
            for (int i = 0; i < n; i++)
            {
                preds[i] = new List<int>();
            }

            for (int i = 0; i < n; i++)
            {
                foreach (int j in _out[i])
                {
                    preds[j].Add(i);
                }
            }

            for (int i = 0; i < post.Count; i++)
            {
                order[post[i]] = i;       // postorder number: the root has the highest
            }

            int[] idom = Enumerable.Repeat(-1, n).ToArray();
            idom[RootId] = RootId;
            bool changed = true;
            while (changed)
            {
                changed = false;
                for (int k = post.Count - 1; k >= 0; k--)
                {
                    int b = post[k];
                    if (b == RootId)
                    {
                        continue;
                    }

                    int newIdom = -1;
                    foreach (int p in preds[b])
                    {
                        if (idom[p] < 0)
                        {
                            continue;
                        }

                        newIdom = newIdom < 0 ? p : Intersect(idom, order, p, newIdom);
                    }

                    if (idom[b] != newIdom)
                    {
                        idom[b] = newIdom;
                        changed = true;
                    }
                }
            }

            long[] retained = new long[n];
            foreach (int b in post)
            {
                retained[b] += _shallow[b];
                if (b != RootId)
                {
                    retained[idom[b]] += retained[b];
                }
            }

            _idom = idom;
            _retained = retained;
        }

        private static int Intersect(int[] idom, int[] order, int a, int b)
        {
            while (a != b)
            {
                while (order[a] < order[b])
                {
                    a = idom[a];
                }

                while (order[b] < order[a])
                {
                    b = idom[b];
                }
            }

            return a;
        }

        /// <summary>One object and what it keeps alive.</summary>
        public sealed class Retainer
        {
            public Retainer(string path, string type, long bytes, long shallow)
            {
                Path = path;
                Type = type;
                Bytes = bytes;
                Shallow = shallow;
            }

            /// <summary>How it is reached from the roots (first path found).</summary>
            public string Path { get; }

            public string Type { get; }

            /// <summary>Estimated bytes retained (the object and all it alone keeps alive).</summary>
            public long Bytes { get; }

            /// <summary>Estimated bytes of the object alone.</summary>
            public long Shallow { get; }

            internal int Node { get; set; }
        }
    }
}
