/**
 * The words of the two built-in instruments, in English, Spanish, French and Arabic (in that
 * order). Their ids are fixed in readiness-builtins.ts; changing a text here changes it on every
 * device that has not edited it, so reword with care and never reorder.
 */
export type FourLanguages = readonly [en: string, es: string, fr: string, ar: string];

export interface BuiltinSectionText {
  title: FourLanguages;
  items: readonly FourLanguages[];
}

export interface BuiltinInstrumentText {
  name: FourLanguages;
  sections: readonly BuiltinSectionText[];
}

export const readinessCheckText: BuiltinInstrumentText = {
  name: ['Readiness check', 'Revisión de preparación', 'Bilan de préparation', 'فحص الجاهزية'],
  sections: [
    {
      title: [
        'Is working together this way right for this problem?',
        '¿Es este trabajo conjunto adecuado para este problema?',
        'Ce travail en commun convient-il à ce problème ?',
        'هل العمل المشترك بهذه الطريقة مناسب لهذه المشكلة؟',
      ],
      items: [
        [
          'The problem is complex: no single organisation or program can solve it alone.',
          'El problema es complejo: ninguna organización o programa puede resolverlo solo.',
          'Le problème est complexe : aucune organisation ni aucun programme ne peut le résoudre seul.',
          'المشكلة معقدة: لا تستطيع منظمة أو برنامج واحد حلها وحده.',
        ],
        [
          'Several sectors would need to change how they work to move the numbers.',
          'Varios sectores tendrían que cambiar su forma de trabajar para mover las cifras.',
          'Plusieurs secteurs devraient changer leur façon de travailler pour faire bouger les chiffres.',
          'يجب أن تغيّر عدة قطاعات طريقة عملها حتى تتحسن الأرقام.',
        ],
        [
          'Partners are willing to work toward one shared, long-term goal.',
          'Los socios están dispuestos a trabajar por una meta común a largo plazo.',
          'Les partenaires sont prêts à viser un même objectif à long terme.',
          'الشركاء مستعدون للعمل نحو هدف مشترك طويل الأمد.',
        ],
      ],
    },
    {
      title: [
        'Are the conditions to start in place?',
        '¿Existen las condiciones para empezar?',
        'Les conditions pour démarrer sont-elles réunies ?',
        'هل شروط البدء متوفرة؟',
      ],
      items: [
        [
          'Respected champions from different sectors will lead and bring others along.',
          'Líderes respetados de distintos sectores guiarán el trabajo y sumarán a otros.',
          'Des personnes respectées de plusieurs secteurs porteront la démarche et entraîneront les autres.',
          'قادة محترمون من قطاعات مختلفة سيقودون العمل ويجذبون الآخرين.',
        ],
        [
          'There is money and staff time to coordinate the work for at least two years.',
          'Hay dinero y tiempo de personal para coordinar el trabajo al menos dos años.',
          'Il y a de l’argent et du temps de personnel pour coordonner le travail au moins deux ans.',
          'يتوفر المال ووقت الموظفين لتنسيق العمل لمدة سنتين على الأقل.',
        ],
        [
          'People feel the change cannot wait.',
          'La gente siente que el cambio no puede esperar.',
          'Les gens sentent que le changement ne peut pas attendre.',
          'يشعر الناس بأن التغيير لا يحتمل الانتظار.',
        ],
      ],
    },
    {
      title: [
        'Are the nuts and bolts in place?',
        '¿Están listas las piezas básicas?',
        'Les bases pratiques sont-elles en place ?',
        'هل الأساسيات العملية جاهزة؟',
      ],
      items: [
        [
          'We have, or can write together, a shared agenda with one goal.',
          'Tenemos, o podemos escribir juntos, una agenda común con una meta.',
          'Nous avons, ou pouvons écrire ensemble, un programme commun avec un objectif.',
          'لدينا، أو نستطيع أن نكتب معاً، خطة مشتركة بهدف واحد.',
        ],
        [
          'Partners can agree on a few measures and collect the data.',
          'Los socios pueden acordar unas pocas medidas y reunir los datos.',
          'Les partenaires peuvent s’accorder sur quelques mesures et recueillir les données.',
          'يستطيع الشركاء الاتفاق على مقاييس قليلة وجمع بياناتها.',
        ],
        [
          'What each partner does can fit into one plan.',
          'Lo que hace cada socio puede encajar en un solo plan.',
          'Ce que fait chaque partenaire peut s’inscrire dans un seul plan.',
          'ما يفعله كل شريك يمكن أن يندرج في خطة واحدة.',
        ],
        [
          'Regular meetings and messages can keep everyone informed.',
          'Reuniones y mensajes regulares pueden mantener a todos informados.',
          'Des réunions et des messages réguliers peuvent tenir tout le monde informé.',
          'يمكن للاجتماعات والرسائل المنتظمة أن تبقي الجميع على اطلاع.',
        ],
        [
          'Someone neutral can serve as the backbone team.',
          'Alguien neutral puede hacer de equipo de coordinación.',
          'Une équipe neutre peut assurer la coordination.',
          'يمكن لجهة محايدة أن تكون فريق التنسيق.',
        ],
      ],
    },
  ],
};

export const selfAssessmentText: BuiltinInstrumentText = {
  name: [
    'Self-assessment of the five conditions',
    'Autoevaluación de las cinco condiciones',
    'Auto-évaluation des cinq conditions',
    'التقييم الذاتي للشروط الخمسة',
  ],
  sections: [
    {
      title: ['Common agenda', 'Agenda común', 'Programme commun', 'الأجندة المشتركة'],
      items: [
        [
          'Partners share one definition of the problem.',
          'Los socios comparten una definición del problema.',
          'Les partenaires partagent une même définition du problème.',
          'يتفق الشركاء على تعريف واحد للمشكلة.',
        ],
        [
          'Everyone can name the shared vision and goal.',
          'Todos pueden nombrar la visión y la meta comunes.',
          'Chacun peut nommer la vision et l’objectif communs.',
          'يستطيع الجميع ذكر الرؤية والهدف المشتركين.',
        ],
      ],
    },
    {
      title: ['Shared measurement', 'Medición compartida', 'Mesure partagée', 'القياس المشترك'],
      items: [
        [
          'A short list of shared indicators is agreed.',
          'Hay acuerdo sobre una lista corta de indicadores comunes.',
          'Une courte liste d’indicateurs communs est adoptée.',
          'تم الاتفاق على قائمة قصيرة من المؤشرات المشتركة.',
        ],
        [
          'Partners collect data the same way and use it to learn.',
          'Los socios reúnen datos de la misma forma y los usan para aprender.',
          'Les partenaires recueillent les données de la même façon et s’en servent pour apprendre.',
          'يجمع الشركاء البيانات بالطريقة نفسها ويستخدمونها للتعلم.',
        ],
      ],
    },
    {
      title: [
        'Activities that reinforce each other',
        'Actividades que se refuerzan',
        'Actions qui se renforcent',
        'أنشطة يعزز بعضها بعضاً',
      ],
      items: [
        [
          'Each partner knows which part of the plan is theirs.',
          'Cada socio sabe qué parte del plan le toca.',
          'Chaque partenaire sait quelle part du plan lui revient.',
          'يعرف كل شريك الجزء الخاص به من الخطة.',
        ],
        [
          'Working groups fit their efforts together instead of repeating each other.',
          'Los grupos de trabajo coordinan sus esfuerzos en vez de repetirlos.',
          'Les groupes de travail ajustent leurs efforts au lieu de les répéter.',
          'تنسق مجموعات العمل جهودها بدلاً من تكرارها.',
        ],
      ],
    },
    {
      title: ['Continuous communication', 'Comunicación continua', 'Communication continue', 'التواصل المستمر'],
      items: [
        [
          'Meetings are regular and build trust.',
          'Las reuniones son regulares y crean confianza.',
          'Les réunions sont régulières et créent la confiance.',
          'الاجتماعات منتظمة وتبني الثقة.',
        ],
        [
          'Residents and partners hear about progress and can speak up.',
          'Los residentes y socios conocen los avances y pueden opinar.',
          'Habitants et partenaires sont informés des progrès et peuvent s’exprimer.',
          'يطّلع السكان والشركاء على التقدم ويستطيعون إبداء رأيهم.',
        ],
      ],
    },
    {
      title: ['Backbone support', 'Equipo de coordinación', 'Équipe de coordination', 'فريق التنسيق'],
      items: [
        [
          'A backbone team convenes, facilitates and keeps the data.',
          'Un equipo de coordinación convoca, facilita y cuida los datos.',
          'Une équipe de coordination réunit, anime et tient les données.',
          'يدعو فريق التنسيق إلى الاجتماعات وييسّرها ويحفظ البيانات.',
        ],
        [
          'The backbone is seen as neutral and at the service of partners.',
          'El equipo de coordinación se ve como neutral y al servicio de los socios.',
          'L’équipe de coordination est vue comme neutre et au service des partenaires.',
          'يُنظر إلى فريق التنسيق على أنه محايد وفي خدمة الشركاء.',
        ],
      ],
    },
  ],
};

/** Three benchmarks per phase, in the order of the phases. */
export const benchmarkTexts: readonly (readonly FourLanguages[])[] = [
  [
    [
      'Leaders from several sectors have been met and are interested.',
      'Se ha hablado con líderes de varios sectores y están interesados.',
      'Des responsables de plusieurs secteurs ont été rencontrés et sont intéressés.',
      'تم لقاء قادة من عدة قطاعات وهم مهتمون.',
    ],
    [
      'A readiness check has been done together.',
      'Se ha hecho juntos una revisión de preparación.',
      'Un bilan de préparation a été fait ensemble.',
      'تم إجراء فحص الجاهزية معاً.',
    ],
    [
      'Money for the first steps is in view.',
      'Hay fondos a la vista para los primeros pasos.',
      'Un financement pour les premiers pas est en vue.',
      'يوجد تمويل متوقع للخطوات الأولى.',
    ],
  ],
  [
    [
      'A steering committee with several sectors and residents is formed.',
      'Se ha formado un comité directivo con varios sectores y residentes.',
      'Un comité de pilotage réunissant plusieurs secteurs et des habitants est formé.',
      'تشكلت لجنة توجيهية تضم عدة قطاعات وسكاناً.',
    ],
    [
      'The problem is described with data and with what residents say.',
      'El problema se describe con datos y con lo que dicen los residentes.',
      'Le problème est décrit avec des données et avec la parole des habitants.',
      'وُصفت المشكلة بالبيانات وبما يقوله السكان.',
    ],
    [
      'A backbone team is chosen.',
      'Se ha elegido un equipo de coordinación.',
      'Une équipe de coordination est choisie.',
      'تم اختيار فريق التنسيق.',
    ],
  ],
  [
    [
      'A common agenda with one goal is agreed.',
      'Se ha acordado una agenda común con una meta.',
      'Un programme commun avec un objectif est adopté.',
      'تم الاتفاق على أجندة مشتركة بهدف واحد.',
    ],
    [
      'Shared measures are chosen.',
      'Se han elegido las medidas comunes.',
      'Les mesures communes sont choisies.',
      'تم اختيار المقاييس المشتركة.',
    ],
    [
      'Working groups are formed around the strategies.',
      'Se han formado grupos de trabajo en torno a las estrategias.',
      'Des groupes de travail sont formés autour des stratégies.',
      'تشكلت مجموعات عمل حول الاستراتيجيات.',
    ],
  ],
  [
    [
      'Working groups carry out their action plans.',
      'Los grupos de trabajo llevan a cabo sus planes de acción.',
      'Les groupes de travail mettent en œuvre leurs plans d’action.',
      'تنفذ مجموعات العمل خطط عملها.',
    ],
    [
      'Shared measures are collected and reported.',
      'Las medidas comunes se recogen y se comunican.',
      'Les mesures communes sont recueillies et publiées.',
      'تُجمع المقاييس المشتركة ويُبلّغ عنها.',
    ],
    [
      'Partners line up their own work with the plan.',
      'Los socios ajustan su propio trabajo al plan.',
      'Les partenaires alignent leur propre travail sur le plan.',
      'يوائم الشركاء عملهم الخاص مع الخطة.',
    ],
  ],
  [
    [
      'Data is reviewed together regularly and plans change with it.',
      'Los datos se revisan juntos con regularidad y los planes cambian con ellos.',
      'Les données sont revues ensemble régulièrement et les plans évoluent en conséquence.',
      'تُراجع البيانات معاً بانتظام وتتغير الخطط بناءً عليها.',
    ],
    [
      'Results are shared with the community.',
      'Los resultados se comparten con la comunidad.',
      'Les résultats sont partagés avec la communauté.',
      'تُشارك النتائج مع المجتمع.',
    ],
    [
      'Long-term funding is secured.',
      'Está asegurada la financiación a largo plazo.',
      'Un financement à long terme est assuré.',
      'تم تأمين تمويل طويل الأمد.',
    ],
  ],
];
