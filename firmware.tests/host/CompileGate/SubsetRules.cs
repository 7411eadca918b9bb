using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>
    /// What the compiler accepts against the device mscorlib but nanoFramework 1.x cannot run (or the
    /// project's rules forbid for a tiny heap): a syntax and semantic walk over each shared source.
    /// </summary>
    public sealed class SubsetRules : CSharpSyntaxWalker
    {
        public const string GenericDeclaration = "NF0001";
        public const string GenericMethodDeclaration = "NF0002";
        public const string GenericUse = "NF0003";
        public const string Lambda = "NF0004";
        public const string Linq = "NF0005";
        public const string Async = "NF0006";
        public const string Yield = "NF0007";
        public const string Tuple = "NF0008";
        public const string Record = "NF0009";
        public const string NullableValueType = "NF0010";
        public const string Dynamic = "NF0011";
        public const string Interpolation = "NF0012";
        public const string EnumToString = "NF0013";
        public const string Pattern = "NF0014";
        public const string Volatile = "NF0015";
        public const string MultiDimensionalArray = "NF0016";

        private readonly SemanticModel _model;
        private readonly string _file;
        private readonly List<GateFinding> _findings;

        private SubsetRules(SemanticModel model, string file, List<GateFinding> findings)
        {
            _model = model;
            _file = file;
            _findings = findings;
        }

        public static void Check(SemanticModel model, string file, List<GateFinding> findings)
        {
            new SubsetRules(model, file, findings).Visit(model.SyntaxTree.GetRoot());
        }

        public override void VisitClassDeclaration(ClassDeclarationSyntax node)
        {
            CheckTypeParameters(node.TypeParameterList, node.Identifier);
            base.VisitClassDeclaration(node);
        }

        public override void VisitStructDeclaration(StructDeclarationSyntax node)
        {
            CheckTypeParameters(node.TypeParameterList, node.Identifier);
            base.VisitStructDeclaration(node);
        }

        public override void VisitInterfaceDeclaration(InterfaceDeclarationSyntax node)
        {
            CheckTypeParameters(node.TypeParameterList, node.Identifier);
            base.VisitInterfaceDeclaration(node);
        }

        public override void VisitDelegateDeclaration(DelegateDeclarationSyntax node)
        {
            CheckTypeParameters(node.TypeParameterList, node.Identifier);
            base.VisitDelegateDeclaration(node);
        }

        public override void VisitRecordDeclaration(RecordDeclarationSyntax node)
        {
            Report(node.Identifier.GetLocation(), Record, "record '" + node.Identifier.Text + "': records need generics (IEquatable<T>) and allocate; use a sealed class");
            CheckTypeParameters(node.TypeParameterList, node.Identifier);
            base.VisitRecordDeclaration(node);
        }

        public override void VisitFieldDeclaration(FieldDeclarationSyntax node)
        {
            foreach (SyntaxToken m in node.Modifiers)
            {
                if (m.IsKind(SyntaxKind.VolatileKeyword))
                {
                    // The compiler reports the missing IsVolatile only once per assembly: name every field.
                    Report(m.GetLocation(), Volatile, "volatile field '" + node.Declaration.Variables + "': mscorlib " + RepoLayout.CoreLibraryVersion
                        + " has no System.Runtime.CompilerServices.IsVolatile, so the device build fails (CS0518); use lock or Interlocked on an int");
                }
            }

            base.VisitFieldDeclaration(node);
        }

        public override void VisitMethodDeclaration(MethodDeclarationSyntax node)
        {
            CheckGenericMethod(node.TypeParameterList, node.Identifier);
            CheckAsync(node.Modifiers);
            base.VisitMethodDeclaration(node);
        }

        public override void VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
        {
            CheckGenericMethod(node.TypeParameterList, node.Identifier);
            CheckAsync(node.Modifiers);
            base.VisitLocalFunctionStatement(node);
        }

        public override void VisitGenericName(GenericNameSyntax node)
        {
            Report(node.GetLocation(), GenericUse, "generic type or method '" + node + "' used: nanoFramework 1.x has no generics (Action<T>, Func<..>, EventHandler<T>, List<T> ...)");
            base.VisitGenericName(node);
        }

        public override void VisitInvocationExpression(InvocationExpressionSyntax node)
        {
            var method = _model.GetSymbolInfo(node).Symbol as IMethodSymbol;
            if (method != null && method.IsGenericMethod && !(Callee(node) is GenericNameSyntax))
            {
                Report(node.GetLocation(), GenericUse, "call of generic method '" + method.Name + "' (type arguments inferred): nanoFramework 1.x has no generics");
            }

            if (method != null && method.Name == "ToString" && method.Parameters.Length == 0)
            {
                var access = node.Expression as MemberAccessExpressionSyntax;
                ITypeSymbol receiver = access == null ? null : _model.GetTypeInfo(access.Expression).Type;
                if (IsEnum(receiver))
                {
                    Report(node.GetLocation(), EnumToString, "ToString() on enum '" + receiver.Name + "': nanoFramework 1.x gives the number, not the name; map values to strings yourself");
                }
            }

            base.VisitInvocationExpression(node);
        }

        public override void VisitArgument(ArgumentSyntax node)
        {
            TypeInfo info = _model.GetTypeInfo(node.Expression);
            if (IsEnum(info.Type) && info.ConvertedType != null && !IsEnum(info.ConvertedType)
                && (info.ConvertedType.SpecialType == SpecialType.System_Object || info.ConvertedType.SpecialType == SpecialType.System_Enum))
            {
                var call = node.Parent?.Parent as InvocationExpressionSyntax;
                var method = call == null ? null : _model.GetSymbolInfo(call).Symbol as IMethodSymbol;
                string owner = method?.ContainingType?.ToDisplayString();
                if (owner == "string" || owner == "System.String" || owner == "System.Text.StringBuilder")
                {
                    Report(node.GetLocation(), EnumToString, "enum '" + info.Type.Name + "' formatted by " + owner + "." + method.Name + ": nanoFramework 1.x gives the number, not the name");
                }
            }

            base.VisitArgument(node);
        }

        public override void VisitBinaryExpression(BinaryExpressionSyntax node)
        {
            if (node.IsKind(SyntaxKind.AddExpression) && _model.GetTypeInfo(node).Type?.SpecialType == SpecialType.System_String)
            {
                foreach (ExpressionSyntax side in new[] { node.Left, node.Right })
                {
                    ITypeSymbol type = _model.GetTypeInfo(side).Type;
                    if (IsEnum(type))
                    {
                        Report(side.GetLocation(), EnumToString, "enum '" + type.Name + "' concatenated into a string: nanoFramework 1.x gives the number, not the name");
                    }
                }
            }

            base.VisitBinaryExpression(node);
        }

        public override void VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
        {
            ReportLambda(node, node.AsyncKeyword);
            base.VisitSimpleLambdaExpression(node);
        }

        public override void VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
        {
            ReportLambda(node, node.AsyncKeyword);
            base.VisitParenthesizedLambdaExpression(node);
        }

        public override void VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
        {
            ReportLambda(node, node.AsyncKeyword);
            base.VisitAnonymousMethodExpression(node);
        }

        public override void VisitQueryExpression(QueryExpressionSyntax node)
        {
            Report(node.GetLocation(), Linq, "LINQ query syntax: there is no LINQ on nanoFramework; write the loop");
            base.VisitQueryExpression(node);
        }

        public override void VisitUsingDirective(UsingDirectiveSyntax node)
        {
            string name = node.Name?.ToString();
            if (name == "System.Linq" || (name != null && name.StartsWith("System.Linq.", System.StringComparison.Ordinal)))
            {
                Report(node.GetLocation(), Linq, "using " + name + ": there is no LINQ on nanoFramework");
            }

            base.VisitUsingDirective(node);
        }

        public override void VisitAwaitExpression(AwaitExpressionSyntax node)
        {
            Report(node.GetLocation(), Async, "await: nanoFramework 1.x has no Task/async; use a Thread");
            base.VisitAwaitExpression(node);
        }

        public override void VisitYieldStatement(YieldStatementSyntax node)
        {
            Report(node.GetLocation(), Yield, "yield: iterators need generic IEnumerable<T> and allocate; fill an array or write an enumerator class");
            base.VisitYieldStatement(node);
        }

        public override void VisitTupleType(TupleTypeSyntax node)
        {
            Report(node.GetLocation(), Tuple, "tuple type " + node + ": System.ValueTuple does not exist on nanoFramework 1.x; use out parameters or a small class");
            base.VisitTupleType(node);
        }

        public override void VisitTupleExpression(TupleExpressionSyntax node)
        {
            Report(node.GetLocation(), Tuple, "tuple " + node + ": System.ValueTuple does not exist on nanoFramework 1.x");
            base.VisitTupleExpression(node);
        }

        public override void VisitParenthesizedVariableDesignation(ParenthesizedVariableDesignationSyntax node)
        {
            Report(node.GetLocation(), Tuple, "deconstruction " + node + ": needs tuples, which nanoFramework 1.x does not have");
            base.VisitParenthesizedVariableDesignation(node);
        }

        public override void VisitNullableType(NullableTypeSyntax node)
        {
            ITypeSymbol element = _model.GetTypeInfo(node.ElementType).Type;
            if (element == null || element.TypeKind == TypeKind.Error || element.IsValueType || element.TypeKind == TypeKind.TypeParameter)
            {
                Report(node.GetLocation(), NullableValueType, "nullable value type '" + node + "': System.Nullable<T> does not exist on nanoFramework 1.x; use a flag or a sentinel value");
            }

            base.VisitNullableType(node);
        }

        public override void VisitIdentifierName(IdentifierNameSyntax node)
        {
            if (node.Identifier.Text == "dynamic" && _model.GetTypeInfo(node).Type?.TypeKind == TypeKind.Dynamic)
            {
                Report(node.GetLocation(), Dynamic, "dynamic: no runtime binder on nanoFramework");
            }

            base.VisitIdentifierName(node);
        }

        public override void VisitInterpolatedStringExpression(InterpolatedStringExpressionSyntax node)
        {
            Report(node.GetLocation(), Interpolation, "string interpolation: boxes every value and lowers to string.Format; build the text with string.Concat or a reused StringBuilder");
            base.VisitInterpolatedStringExpression(node);
        }

        public override void VisitArrayRankSpecifier(ArrayRankSpecifierSyntax node)
        {
            if (node.Rank > 1)
            {
                Report(node.GetLocation(), MultiDimensionalArray, "multidimensional array " + node + ": the nanoFramework metadata processor rejects them; use a jagged array or index a flat one");
            }

            base.VisitArrayRankSpecifier(node);
        }

        public override void VisitIsPatternExpression(IsPatternExpressionSyntax node)
        {
            Report(node.GetLocation(), Pattern, "pattern matching '" + node + "': keep to C# 7.3-ish plain code (== null, casts)");
            base.VisitIsPatternExpression(node);
        }

        public override void VisitSwitchExpression(SwitchExpressionSyntax node)
        {
            Report(node.GetLocation(), Pattern, "switch expression: keep to C# 7.3-ish plain code (switch statement)");
            base.VisitSwitchExpression(node);
        }

        public override void VisitCasePatternSwitchLabel(CasePatternSwitchLabelSyntax node)
        {
            Report(node.GetLocation(), Pattern, "pattern case label '" + node.Pattern + "': keep to constant case labels");
            base.VisitCasePatternSwitchLabel(node);
        }

        private static ExpressionSyntax Callee(InvocationExpressionSyntax node)
        {
            var access = node.Expression as MemberAccessExpressionSyntax;
            return access != null ? access.Name : node.Expression;
        }

        private static bool IsEnum(ITypeSymbol type)
        {
            return type != null && (type.TypeKind == TypeKind.Enum || type.SpecialType == SpecialType.System_Enum);
        }

        private void CheckTypeParameters(TypeParameterListSyntax list, SyntaxToken name)
        {
            if (list != null && list.Parameters.Count > 0)
            {
                Report(name.GetLocation(), GenericDeclaration, "generic type declaration '" + name.Text + list + "': nanoFramework 1.x has no generics");
            }
        }

        private void CheckGenericMethod(TypeParameterListSyntax list, SyntaxToken name)
        {
            if (list != null && list.Parameters.Count > 0)
            {
                Report(name.GetLocation(), GenericMethodDeclaration, "generic method declaration '" + name.Text + list + "': nanoFramework 1.x has no generics");
            }
        }

        private void CheckAsync(SyntaxTokenList modifiers)
        {
            foreach (SyntaxToken m in modifiers)
            {
                if (m.IsKind(SyntaxKind.AsyncKeyword))
                {
                    Report(m.GetLocation(), Async, "async method: nanoFramework 1.x has no Task/async; use a Thread");
                }
            }
        }

        private void ReportLambda(SyntaxNode node, SyntaxToken asyncKeyword)
        {
            Report(node.GetLocation(), Lambda, "lambda or anonymous method: allocates a delegate and closure; use a named method");
            if (asyncKeyword.IsKind(SyntaxKind.AsyncKeyword))
            {
                Report(asyncKeyword.GetLocation(), Async, "async lambda: nanoFramework 1.x has no Task/async");
            }
        }

        private void Report(Location location, string code, string message)
        {
            int line = location.GetLineSpan().StartLinePosition.Line + 1;
            _findings.Add(new GateFinding(_file, line, code, message));
        }
    }
}
